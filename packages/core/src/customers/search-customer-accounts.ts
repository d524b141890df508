import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customerAccounts } from '../db/schema/index';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Customer accounts whose name or domain contains `query`: exact, then prefix, then anywhere. */
export async function searchCustomerAccounts(options: {
  db: DbOrTx;
  workspaceId: string;
  query: string;
  /** 1–100; default 20. */
  limit?: number;
}): Promise<(typeof customerAccounts.$inferSelect)[]> {
  const { db, workspaceId } = options;
  const q = options.query.trim().toLowerCase();
  const starts = `${escapeLike(q)}%`;
  const rank = sql<number>`case
    when lower(${customerAccounts.name}) = ${q} or lower(${customerAccounts.domain}) = ${q} then 0
    when ${customerAccounts.name} ilike ${starts} or ${customerAccounts.domain} ilike ${starts} then 1
    else 2 end`;
  return db
    .select()
    .from(customerAccounts)
    .where(
      and(
        eq(customerAccounts.workspaceId, workspaceId),
        or(
          ilike(customerAccounts.name, `%${escapeLike(q)}%`),
          ilike(customerAccounts.domain, `%${escapeLike(q)}%`),
        ),
      ),
    )
    .orderBy(rank, sql`length(${customerAccounts.name})`, asc(customerAccounts.name))
    .limit(options.limit ?? 20);
}
