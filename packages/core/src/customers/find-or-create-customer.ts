import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers } from '../db/schema/index';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';

export type Customer = typeof customers.$inferSelect;

export interface CustomerInput {
  workspaceId: string;
  email: string;
  name?: string | null;
  stripeCustomerId?: string | null;
  /** Only for a customer created here; unset, it follows the workspace's HubSpot default object. */
  customerType?: 'individual' | 'company' | null;
}

/**
 * Matches a customer by Stripe customer id, then by email (a guest checkout later tied to a Stripe
 * customer lands on the same person), else creates one. Idempotent: the unique Stripe id makes a
 * concurrent second create fall back to a read.
 */
export async function findOrCreateCustomer(db: DbOrTx, input: CustomerInput): Promise<Customer> {
  const email = input.email.trim().toLowerCase();
  // Two purchases by a new email at once must find one customer, not create two: serialise
  // creation per email for the rest of the caller's transaction.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer:${input.workspaceId}:${email}`}))`);
  if (input.stripeCustomerId) {
    const [byStripe] = await db
      .select()
      .from(customers)
      .where(
        and(
          eq(customers.workspaceId, input.workspaceId),
          eq(customers.stripeCustomerId, input.stripeCustomerId),
        ),
      );
    if (byStripe) return byStripe;
  }
  const [byEmail] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, input.workspaceId), eq(customers.email, email)))
    .orderBy(customers.createdAt)
    .limit(1);
  if (byEmail) {
    if (input.stripeCustomerId && !byEmail.stripeCustomerId) {
      const [linked] = await db
        .update(customers)
        .set({ stripeCustomerId: input.stripeCustomerId, updatedAt: new Date() })
        .where(and(eq(customers.id, byEmail.id), isNull(customers.stripeCustomerId)))
        .returning();
      if (linked) {
        await enqueueSyncIntent(db, input.workspaceId, 'customer', [linked.id]);
        return linked;
      }
    }
    return byEmail;
  }
  const [created] = await db
    .insert(customers)
    .values({
      workspaceId: input.workspaceId,
      email,
      name: input.name ?? null,
      stripeCustomerId: input.stripeCustomerId ?? null,
      customerType: input.customerType ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (created) {
    await enqueueSyncIntent(db, input.workspaceId, 'customer', [created.id]);
    return created;
  }
  return findOrCreateCustomer(db, input);
}
