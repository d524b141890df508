import { selectLicenses, withLicenseDetails } from '@licensync/core/licenses';
import * as schema from '@licensync/core/schema';
import { toHubspotLicenseProperties } from '@licensync/mappers';
import { inArray } from 'drizzle-orm';
import type { CustomObjectRecord } from './custom-object-record';
import type { SyncContext } from './sync-context';

/** Current license rows with product, policy, features and users, mapped for HubSpot. */
export async function loadLicenseRecords(ctx: SyncContext, ids: string[]): Promise<CustomObjectRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectLicenses(ctx.db, ctx.workspaceId, [inArray(schema.licenses.id, ids)]);
  const details = await withLicenseDetails(ctx.db, rows);
  const opts = { now: ctx.now() };
  return details.map((d) => ({
    id: d.license.id,
    customerId: d.license.customerId,
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
