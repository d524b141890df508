import { findOrCreateCustomer } from '@licensync/core/customers';
import type { DbOrTx } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

/**
 * Our customer for a Stripe customer id, created from Stripe when a subscription or invoice
 * arrives before its customer's event. Null when Stripe has no email for it (we key people by
 * email), in which case the billing record is mirrored without a customer to associate.
 */
export async function findMirrorCustomer(
  db: DbOrTx,
  stripe: Stripe,
  workspaceId: string,
  stripeCustomerId: string | null,
): Promise<string | null> {
  if (!stripeCustomerId) return null;
  const [known] = await db
    .select({ id: schema.customers.id })
    .from(schema.customers)
    .where(
      and(
        eq(schema.customers.workspaceId, workspaceId),
        eq(schema.customers.stripeCustomerId, stripeCustomerId),
      ),
    );
  if (known) return known.id;
  const customer = await stripe.customers.retrieve(stripeCustomerId);
  if (customer.deleted || !customer.email) return null;
  const created = await findOrCreateCustomer(db, {
    workspaceId,
    email: customer.email,
    name: customer.name ?? null,
    stripeCustomerId,
  });
  return created.id;
}
