import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { SyncObjectKind } from '../db/schema/index';
import type { ResolvedScope } from './resolve-resync-scope';
import { RESYNC_RECORD_TABLES } from './resync-record-tables';
import { resyncScopeFilter } from './resync-scope-filter';

/** The next `limit` ids of one kind in the scope after `afterId`, in id order (a keyset page). */
export async function listResyncRecordIds(
  db: DbOrTx,
  input: {
    workspaceId: string;
    scope: ResolvedScope;
    kind: SyncObjectKind;
    afterId: string | null;
    limit: number;
  },
): Promise<string[]> {
  const table = RESYNC_RECORD_TABLES[input.kind];
  const filter = resyncScopeFilter(input.kind, input.scope);
  if (filter === false) return [];
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, input.workspaceId),
        filter,
        input.afterId ? gt(table.id, input.afterId) : undefined,
      ),
    )
    .orderBy(asc(table.id))
    .limit(input.limit);
  return rows.map((r) => r.id);
}
