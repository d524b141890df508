import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customerAccounts, customers } from '../db/schema/index';

export interface CustomerMatch {
  customer: typeof customers.$inferSelect;
  account: { id: string; name: string; domain: string | null } | null;
}

/** `%`, `_` and `\` are ILIKE wildcards: a search for `a_b` must mean the text `a_b`. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Customers whose email, name, company or domain contains `query`, closest first: an exact email,
 * then an email or name or company that starts with it, then the domain, then anything containing
 * it; ties go to the shorter (closer) email. A ranked ILIKE rather than trigrams: no extension to
 * install, and operators type the start of what they are looking for.
 */
export async function searchCustomers(options: {
  db: DbOrTx;
  workspaceId: string;
  query: string;
  /** 1–100; default 20. */
  limit?: number;
}): Promise<CustomerMatch[]> {
  const { db, workspaceId } = options;
  const q = options.query.trim().toLowerCase();
  const contains = `%${escapeLike(q)}%`;
  const starts = `${escapeLike(q)}%`;
  const domain = sql`split_part(${customers.email}, '@', 2)`;
  const rank = sql<number>`case
    when ${customers.email} = ${q} then 0
    when ${customers.email} ilike ${starts} or ${customers.name} ilike ${starts}
      or ${customerAccounts.name} ilike ${starts} then 1
    when ${domain} ilike ${starts} or ${customerAccounts.domain} ilike ${starts} then 2
    else 3 end`;
  const rows = await db
    .select({ customer: customers, account: customerAccounts })
    .from(customers)
    .leftJoin(customerAccounts, eq(customerAccounts.id, customers.customerAccountId))
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        or(
          ilike(customers.email, contains),
          ilike(customers.name, contains),
          ilike(customerAccounts.name, contains),
          ilike(customerAccounts.domain, contains),
        ),
      ),
    )
    .orderBy(rank, sql`length(${customers.email})`, asc(customers.email))
    .limit(options.limit ?? 20);
  return rows.map(({ customer, account }) => ({
    customer,
    account: account && { id: account.id, name: account.name, domain: account.domain },
  }));
}
