import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { isUuid } from '../db/is-uuid';
import { customers } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';

export type CustomerPatch = Partial<{
  email: string;
  name: string | null;
  customerType: 'individual' | 'company';
}>;

/**
 * Edits a customer by hand; the change, a sync intent and its history entry commit together.
 * Returns the fields (admin API names) that changed.
 */
export async function updateCustomer(options: {
  db: DbOrTx;
  workspaceId: string;
  customerId: string;
  patch: CustomerPatch;
  actor: string;
}): Promise<string[]> {
  const { db, workspaceId, customerId, actor } = options;
  if (!isUuid(customerId)) throw new NotFoundError(`customer ${customerId} not found`);
  const patch = {
    ...options.patch,
    ...(options.patch.email && { email: options.patch.email.trim().toLowerCase() }),
  };
  return db.transaction(async (tx) => {
    const where = and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId));
    const [current] = await tx.select().from(customers).where(where).for('update');
    if (!current) throw new NotFoundError(`customer ${customerId} not found`);
    const keys = (Object.keys(patch) as (keyof CustomerPatch)[]).filter(
      (k) => patch[k] !== undefined && patch[k] !== current[k],
    );
    if (keys.length === 0) return [];
    const changed = keys.map((k) => (k === 'customerType' ? 'customer_type' : k));
    await tx
      .update(customers)
      .set({ ...Object.fromEntries(keys.map((k) => [k, patch[k]])), updatedAt: new Date() })
      .where(where);
    await enqueueSyncIntent(tx, workspaceId, 'customer', [customerId]);
    await recordActivity(tx, {
      workspaceId,
      kind: 'customer.updated',
      subjects: [
        `customer:${customerId}`,
        `email:${current.email}`,
        ...(patch.email ? [`email:${patch.email}`] : []),
      ],
      outcome: 'ok',
      message: `changed ${changed.join(', ')} by ${actor}`,
      detail: {
        actor,
        changed,
        before: Object.fromEntries(keys.map((k) => [k, current[k]])),
        after: Object.fromEntries(keys.map((k) => [k, patch[k]])),
      },
    });
    return changed;
  });
}
