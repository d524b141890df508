import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customerAccounts, customers } from '../db/schema/index';

/**
 * Gives a company customer its customer account (the company its licenses belong to), creating
 * it on first sight and keeping its name, domain and tax id current afterwards. Licenses created
 * later carry the account. Returns the account id.
 */
export async function linkCustomerAccount(
  db: DbOrTx,
  input: {
    workspaceId: string;
    customerId: string;
    name: string;
    domain: string | null;
    taxId: string | null;
  },
): Promise<string> {
  const [customer] = await db
    .select({ accountId: customers.customerAccountId })
    .from(customers)
    .where(and(eq(customers.workspaceId, input.workspaceId), eq(customers.id, input.customerId)))
    .for('update');
  const values = { name: input.name, domain: input.domain, taxId: input.taxId, updatedAt: new Date() };
  if (customer?.accountId) {
    await db.update(customerAccounts).set(values).where(eq(customerAccounts.id, customer.accountId));
    return customer.accountId;
  }
  const [account] = await db
    .insert(customerAccounts)
    .values({ workspaceId: input.workspaceId, ...values })
    .returning({ id: customerAccounts.id });
  await db
    .update(customers)
    .set({ customerAccountId: account!.id })
    .where(eq(customers.id, input.customerId));
  return account!.id;
}
