import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customerAccounts, customers } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { customerHubspotRecords, type HubspotRecordLink } from './customer-hubspot-records';

export interface CustomerDetails {
  customer: typeof customers.$inferSelect;
  account: typeof customerAccounts.$inferSelect | null;
  hubspotRecords: HubspotRecordLink[];
}

/** One customer with its account and the HubSpot records it is linked to; `NotFoundError` when none. */
export async function getCustomer(options: {
  db: DbOrTx;
  workspaceId: string;
  customerId: string;
}): Promise<CustomerDetails> {
  const { db, workspaceId, customerId } = options;
  const [row] = isUuid(customerId)
    ? await db
        .select({ customer: customers, account: customerAccounts })
        .from(customers)
        .leftJoin(customerAccounts, eq(customerAccounts.id, customers.customerAccountId))
        .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)))
    : [];
  if (!row) throw new NotFoundError(`customer ${customerId} not found`);
  return { ...row, hubspotRecords: await customerHubspotRecords(db, workspaceId, [customerId]) };
}
