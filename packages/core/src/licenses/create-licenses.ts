import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenseCustomFields, licenseFeatures, licenses, licenseUsers } from '../db/schema/index';
import { recordLicenseDeliveries } from '../deliveries/record-license-deliveries';
import { currentActor } from '../history/actor-context';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { toLicenseEventData } from '../webhooks/emit-license-events';
import { emitOutboundEvent } from '../webhooks/emit-outbound-event';
import { generateLicenseKey } from './generate-license-key';

export type License = typeof licenses.$inferSelect;
type LicenseColumns = Omit<
  typeof licenses.$inferInsert,
  'id' | 'workspaceId' | 'customerId' | 'orderId' | 'licenseKey' | 'createdAt' | 'updatedAt'
>;

/** Everything needed to create one license, decided before any write. */
export interface LicenseDraft extends LicenseColumns {
  /** License-key products get a key; user products get license users instead. */
  withKey: boolean;
  features: { code: string; maxConsumption?: number | null }[];
  customFields: Record<string, string>;
  users: { email: string; isManager: boolean }[];
  /** Source key of the bundle license this one belongs to (created in the same call). */
  bundleSourceKey?: string;
}

/**
 * Creates licenses keyed by their source key: a replay finds them already there and creates
 * nothing. Returns every license of the drafts, created now or before, in draft order.
 */
export async function createLicenses(
  db: DbOrTx,
  input: {
    workspaceId: string;
    customerId: string;
    customerAccountId?: string | null;
    orderId: string | null;
    drafts: LicenseDraft[];
  },
): Promise<{ licenses: License[]; created: License[] }> {
  const { workspaceId, drafts } = input;
  if (drafts.length === 0) return { licenses: [], created: [] };
  const created: License[] = [];
  const bySourceKey = new Map<string, License>();
  // Bundles first so members can point at their bundle license.
  const ordered = [...drafts].sort(
    (a, b) => Number(Boolean(a.bundleSourceKey)) - Number(Boolean(b.bundleSourceKey)),
  );
  for (const draft of ordered) {
    const { withKey, features, customFields, users, bundleSourceKey, ...columns } = draft;
    const bundleLicenseId = bundleSourceKey ? (bySourceKey.get(bundleSourceKey)?.id ?? null) : null;
    const [row] = await db
      .insert(licenses)
      .values({
        ...columns,
        workspaceId,
        customerId: input.customerId,
        customerAccountId: input.customerAccountId ?? null,
        orderId: input.orderId,
        bundleLicenseId,
        licenseKey: withKey ? generateLicenseKey() : null,
      })
      .onConflictDoNothing({ target: [licenses.workspaceId, licenses.sourceKey] })
      .returning();
    if (row) {
      created.push(row);
      bySourceKey.set(row.sourceKey, row);
      if (features.length > 0) {
        await db.insert(licenseFeatures).values(
          features.map((f) => ({
            workspaceId,
            licenseId: row.id,
            code: f.code,
            maxConsumption: f.maxConsumption ?? null,
          })),
        );
      }
      const fields = Object.entries(customFields);
      if (fields.length > 0) {
        await db
          .insert(licenseCustomFields)
          .values(fields.map(([name, value]) => ({ workspaceId, licenseId: row.id, name, value })));
      }
      if (users.length > 0) {
        await db
          .insert(licenseUsers)
          .values(users.map((u) => ({ workspaceId, licenseId: row.id, ...u })))
          .onConflictDoNothing();
      }
    } else {
      const [existing] = await db
        .select()
        .from(licenses)
        .where(and(eq(licenses.workspaceId, workspaceId), eq(licenses.sourceKey, draft.sourceKey)));
      bySourceKey.set(draft.sourceKey, existing!);
    }
  }
  await enqueueSyncIntent(
    db,
    workspaceId,
    'license',
    created.map((l) => l.id),
  );
  for (const l of created) await emitOutboundEvent(db, workspaceId, 'license.created', toLicenseEventData(l));
  // Every source (Stripe, admin orders, HubSpot) passes here: the mail is owed by the same commit.
  await recordLicenseDeliveries(db, {
    workspaceId,
    customerId: input.customerId,
    orderId: input.orderId,
    licenseIds: created.map((l) => l.id),
    reason: 'created',
    actor: currentActor() ?? 'system',
  });
  return { licenses: drafts.map((d) => bySourceKey.get(d.sourceKey)!), created };
}

/** Licenses by id, for callers that hold ids from another query. */
export async function licensesByIds(db: DbOrTx, workspaceId: string, ids: string[]): Promise<License[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(licenses)
    .where(and(eq(licenses.workspaceId, workspaceId), inArray(licenses.id, ids)));
}
