import type { Db } from '@licensync/core/db';
import type { Queues } from '@licensync/core/queues';
import { sql } from 'drizzle-orm';

let tableNames: Promise<{ name: string }[]> | undefined;

/**
 * A digest of every row of every table in the database and the job counts of every queue: equal
 * digests before and after a request mean the request stored nothing.
 */
export async function storedState(db: Db, queues: Queues): Promise<string> {
  tableNames ??= db
    .execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables
           where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
    .then((res) => res.rows);
  const parts = (await tableNames).map(
    ({ name }) =>
      sql`select ${name} as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
            from ${sql.identifier(name)} t`,
  );
  const rows = await db.execute<{ name: string; digest: string }>(sql.join(parts, sql` union all `));
  const counts = await Promise.all(Object.values(queues).map((q) => q.getJobCounts()));
  return JSON.stringify([rows.rows, counts]);
}
