import { selectLicenses, withLicenseDetails } from '@licensync/core/licenses';
import * as schema from '@licensync/core/schema';
import { toHubspotLicenseProperties } from '@licensync/mappers';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { CustomObjectRecord } from './custom-object-record';
import type { SyncContext } from './sync-context';

/** Current license rows with product, policy, features and users, mapped for HubSpot. */
export async function loadLicenseRecords(ctx: SyncContext, ids: string[]): Promise<CustomObjectRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectLicenses(ctx.db, ctx.workspaceId, [inArray(schema.licenses.id, ids)]);
  const details = await withLicenseDetails(ctx.db, rows);
  const deals = await dealsOf(ctx, ids);
  const opts = { now: ctx.now(), links: ctx.links };
  return details.map((d) => ({
    id: d.license.id,
    customerId: d.license.customerId,
    dealId: deals.get(d.license.id) ?? null,
    properties: toHubspotLicenseProperties(
      {
        id: d.license.id,
        licenseKey: d.license.licenseKey,
        productCode: d.productShortCode,
        policyCode: d.policyCode,
        licenseType: d.license.licenseType,
        enabled: d.license.enabled,
        disabledReason: d.license.disabledReason,
        isTrial: d.license.isTrial,
        validUntil: d.license.validUntil,
        maintenanceUntil: d.license.maintenanceUntil,
        maxActivations: d.license.maxActivations,
        activationsInUse: d.license.activationsInUse,
        lastCheckAt: d.license.lastCheckAt,
        maxLicenseUsers: d.license.maxLicenseUsers,
        users: d.users.map((u) => u.email),
        features: d.features.map((f) => f.code),
        customerEmail: d.customer.email,
        stripeSubscriptionId: d.license.stripeSubscriptionId,
      },
      opts,
    ),
  }));
}

/** License id → the HubSpot deal its order came from, for the licenses whose order names one. */
async function dealsOf(ctx: SyncContext, ids: string[]): Promise<Map<string, string>> {
  const { licenses, orders } = schema;
  const rows = await ctx.db
    .select({ id: licenses.id, dealId: orders.hubspotDealId })
    .from(licenses)
    .innerJoin(orders, eq(orders.id, licenses.orderId))
    .where(
      and(
        eq(licenses.workspaceId, ctx.workspaceId),
        inArray(licenses.id, ids),
        isNotNull(orders.hubspotDealId),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.dealId!]));
}
