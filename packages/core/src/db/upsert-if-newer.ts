import { type SQL, sql } from 'drizzle-orm';
import type {
  AnyPgColumn,
  IndexColumn,
  PgInsertValue,
  PgTable,
  PgUpdateSetSource,
} from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/**
 * True when a row stamped `stampedAt` may take a write of an event from `incomingAt`: it has no
 * stamp yet, or its stamp is not newer. Equal stamps win so a replay of the same event converges.
 */
export function notNewerThan(stampedAt: AnyPgColumn, incomingAt: Date | SQL): SQL {
  return sql`(${stampedAt} is null or ${stampedAt} <= ${incomingAt})`;
}

/**
 * Inserts a mirrored row, or updates the existing one (same `target` key) only when the incoming
 * event is not older than the one that last wrote it, so a late, older event never overwrites
 * newer state. Returns the row's id when it was written, `undefined` when it was left alone.
 */
export async function upsertIfNewer<TTable extends PgTable>(
  db: DbOrTx,
  input: {
    table: TTable;
    values: PgInsertValue<TTable>;
    target: IndexColumn[];
    set: PgUpdateSetSource<TTable>;
    /** The column holding the time of the event that last wrote the row. */
    stampedAt: AnyPgColumn;
  },
): Promise<string | undefined> {
  const incoming = sql.raw(`excluded.${input.stampedAt.name}`);
  const rows = await db
    .insert(input.table)
    .values(input.values)
    .onConflictDoUpdate({
      target: input.target,
      set: input.set,
      setWhere: notNewerThan(input.stampedAt, incoming),
    })
    .returning({ id: sql<string>`id` });
  return rows[0]?.id;
}
