import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { SyncObjectKind } from '../db/schema/index';
import { SYNC_PRIORITY } from './sync-priority';

const TABLES: Record<SyncObjectKind, string> = {
  license: 'licenses',
  customer: 'customers',
  subscription: 'billing_subscriptions',
  invoice: 'billing_invoices',
};

/**
 * An intent for every record of a kind, e.g. after a custom object deleted in HubSpot was created
 * again (empty, under a new objectTypeId). Bulk work: live changes go first. Records already
 * pending keep their one intent.
 */
export async function enqueueAllOfKind(
  db: DbOrTx,
  workspaceId: string,
  kind: SyncObjectKind,
): Promise<number> {
  const res = await db.execute(sql`
    insert into sync_outbox (workspace_id, object_kind, object_id, priority)
    select workspace_id, ${kind}, id::text, ${SYNC_PRIORITY.bulk} from ${sql.identifier(TABLES[kind])} where workspace_id = ${workspaceId}
    on conflict do nothing`);
  return res.rowCount ?? 0;
}
