import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import type { SyncObjectKind } from '../db/schema/index';
import type { ResolvedScope } from './resolve-resync-scope';
import { RESYNC_RECORD_TABLES } from './resync-record-tables';
import { resyncScopeFilter } from './resync-scope-filter';

/** How many records of one kind the scope holds; cheap enough to show a total up front. */
export async function countResyncRecords(
  db: DbOrTx,
  input: { workspaceId: string; scope: ResolvedScope; kind: SyncObjectKind },
): Promise<number> {
  const table = RESYNC_RECORD_TABLES[input.kind];
  const filter = resyncScopeFilter(input.kind, input.scope);
  if (filter === false) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.workspaceId, input.workspaceId), filter));
  return row?.n ?? 0;
}
