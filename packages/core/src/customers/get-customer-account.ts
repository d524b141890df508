import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customerAccounts, customers } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { customerHubspotRecords, type HubspotRecordLink } from './customer-hubspot-records';

export interface CustomerAccountDetails {
  account: typeof customerAccounts.$inferSelect;
  contacts: (typeof customers.$inferSelect)[];
  hubspotRecords: HubspotRecordLink[];
}

/** One customer account with its contacts and their HubSpot records; `NotFoundError` when none. */
export async function getCustomerAccount(options: {
  db: DbOrTx;
  workspaceId: string;
  accountId: string;
}): Promise<CustomerAccountDetails> {
  const { db, workspaceId, accountId } = options;
  const [account] = isUuid(accountId)
    ? await db
        .select()
        .from(customerAccounts)
        .where(and(eq(customerAccounts.workspaceId, workspaceId), eq(customerAccounts.id, accountId)))
    : [];
  if (!account) throw new NotFoundError(`customer account ${accountId} not found`);
  const contacts = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.customerAccountId, accountId)))
    .orderBy(asc(customers.createdAt));
  const hubspotRecords = await customerHubspotRecords(
    db,
    workspaceId,
    contacts.map((c) => c.id),
  );
  return { account, contacts, hubspotRecords };
}
