import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customerAccounts, customers } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';

export type CustomerAccountPatch = Partial<{ name: string; domain: string | null; taxId: string | null }>;

const FIELD = { name: 'name', domain: 'domain', taxId: 'tax_id' } as const;

/**
 * Edits a customer account by hand. Its contacts carry its company to HubSpot, so each gets a
 * sync intent in the same transaction. Returns the fields (admin API names) that changed.
 */
export async function updateCustomerAccount(options: {
  db: DbOrTx;
  workspaceId: string;
  accountId: string;
  patch: CustomerAccountPatch;
  actor: string;
}): Promise<string[]> {
  const { db, workspaceId, accountId, patch, actor } = options;
  if (!isUuid(accountId)) throw new NotFoundError(`customer account ${accountId} not found`);
  return db.transaction(async (tx) => {
    const where = and(eq(customerAccounts.workspaceId, workspaceId), eq(customerAccounts.id, accountId));
    const [current] = await tx.select().from(customerAccounts).where(where).for('update');
    if (!current) throw new NotFoundError(`customer account ${accountId} not found`);
    const keys = (Object.keys(patch) as (keyof CustomerAccountPatch)[]).filter(
      (k) => patch[k] !== undefined && patch[k] !== current[k],
    );
    if (keys.length === 0) return [];
    await tx
      .update(customerAccounts)
      .set({ ...Object.fromEntries(keys.map((k) => [k, patch[k]])), updatedAt: new Date() })
      .where(where);
    const contacts = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.customerAccountId, accountId)));
    await enqueueSyncIntent(
      tx,
      workspaceId,
      'customer',
      contacts.map((c) => c.id),
    );
    const changed = keys.map((k) => FIELD[k]);
    await recordActivity(tx, {
      workspaceId,
      kind: 'customer_account.updated',
      subjects: [`customer_account:${accountId}`, ...contacts.map((c) => `customer:${c.id}`)],
      outcome: 'ok',
      message: `changed ${changed.join(', ')} by ${actor}`,
      detail: {
        actor,
        changed,
        before: Object.fromEntries(keys.map((k) => [FIELD[k], current[k]])),
        after: Object.fromEntries(keys.map((k) => [FIELD[k], patch[k]])),
      },
    });
    return changed;
  });
}
