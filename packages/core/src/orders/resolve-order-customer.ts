import { and, asc, eq } from 'drizzle-orm';
import { findOrCreateCustomer } from '../customers/find-or-create-customer';
import { linkCustomerAccount } from '../customers/link-customer-account';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customerAccounts, customers } from '../db/schema/index';
import { UnprocessableError } from '../errors/unprocessable-error';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import type { OrderCustomerInput } from './order-input';

type Customer = typeof customers.$inferSelect;

// The reference integration's wording, kept so operators who know it recognise the problem.
const EMPTY_COMPANY = "Company name can't be empty";

/**
 * The customer an order licenses, found or created in the order's transaction. A company with
 * no name is refused before anything is written, so the order creates nothing.
 */
export async function resolveOrderCustomer(
  db: DbOrTx,
  workspaceId: string,
  input: OrderCustomerInput,
): Promise<Customer> {
  if (input.company && input.company.name.trim() === '') {
    throw new UnprocessableError('customer.company', EMPTY_COMPANY);
  }
  if (input.id !== undefined) return existingCustomer(db, workspaceId, input.id);
  if (input.accountId !== undefined) return accountCustomer(db, workspaceId, input);
  if (!input.email && input.stripeCustomerId) return stripeCustomer(db, workspaceId, input.stripeCustomerId);
  if (!input.email) throw new UnprocessableError('customer.email', 'customer.email is required');
  const name = [input.firstName, input.lastName].filter((part) => part?.trim()).join(' ') || null;
  const customer = await findOrCreateCustomer(db, {
    workspaceId,
    email: input.email,
    name,
    stripeCustomerId: input.stripeCustomerId,
    customerType: input.customerType,
  });
  const phone = input.phone?.trim() || undefined;
  const renamed = Boolean(name && customer.name !== name);
  if (renamed || (phone && customer.metadata.phone !== phone)) {
    const metadata = phone ? { ...customer.metadata, phone } : customer.metadata;
    await db
      .update(customers)
      .set({ name: name ?? customer.name, metadata, updatedAt: new Date() })
      .where(eq(customers.id, customer.id));
    await enqueueSyncIntent(db, workspaceId, 'customer', [customer.id]);
    Object.assign(customer, { metadata });
  }
  if (!input.company) return { ...customer, name: name ?? customer.name };
  const accountId = await linkCustomerAccount(db, {
    workspaceId,
    customerId: customer.id,
    name: input.company.name.trim(),
    domain: input.company.domain ?? null,
    taxId: input.company.taxId ?? null,
  });
  await enqueueSyncIntent(db, workspaceId, 'customer', [customer.id]);
  return { ...customer, name: name ?? customer.name, customerAccountId: accountId };
}

async function existingCustomer(db: DbOrTx, workspaceId: string, id: string): Promise<Customer> {
  const [row] = isUuid(id)
    ? await db
        .select()
        .from(customers)
        .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))
    : [];
  if (!row) throw new UnprocessableError('customer.id', `customer.id ${id} names no customer`);
  if (row.customerAccountId) await requireAccountName(db, row.customerAccountId);
  return row;
}

async function stripeCustomer(db: DbOrTx, workspaceId: string, stripeCustomerId: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.stripeCustomerId, stripeCustomerId)));
  if (!row) {
    throw new UnprocessableError(
      'customer.email',
      `customer.email is required: the ledger does not know Stripe customer ${stripeCustomerId} yet`,
    );
  }
  if (row.customerAccountId) await requireAccountName(db, row.customerAccountId);
  return row;
}

async function accountCustomer(db: DbOrTx, workspaceId: string, input: OrderCustomerInput) {
  const accountId = input.accountId!;
  const [account] = isUuid(accountId)
    ? await db
        .select()
        .from(customerAccounts)
        .where(and(eq(customerAccounts.workspaceId, workspaceId), eq(customerAccounts.id, accountId)))
    : [];
  if (!account) {
    throw new UnprocessableError('customer.account_id', `customer.account_id ${accountId} names no account`);
  }
  if (account.name.trim() === '') throw new UnprocessableError('customer.account_id', EMPTY_COMPANY);
  if (input.email) {
    const customer = await findOrCreateCustomer(db, {
      workspaceId,
      email: input.email,
      customerType: input.customerType,
    });
    if (customer.customerAccountId !== account.id) {
      await db
        .update(customers)
        .set({ customerAccountId: account.id, updatedAt: new Date() })
        .where(eq(customers.id, customer.id));
      await enqueueSyncIntent(db, workspaceId, 'customer', [customer.id]);
    }
    return { ...customer, customerAccountId: account.id };
  }
  const [contact] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.customerAccountId, account.id)))
    .orderBy(asc(customers.createdAt))
    .limit(1);
  if (!contact) {
    throw new UnprocessableError(
      'customer.email',
      'customer.email is required: the account has no contact to license',
    );
  }
  return contact;
}

async function requireAccountName(db: DbOrTx, accountId: string): Promise<void> {
  const [account] = await db
    .select({ name: customerAccounts.name })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, accountId));
  if (account && account.name.trim() === '') throw new UnprocessableError('customer.id', EMPTY_COMPANY);
}
