import type Stripe from 'stripe';

/** Whether a `cus_…` id is a live customer of the Stripe account whose client this is. */
export type StripeCustomerCheck = { found: true } | { found: false } | { error: string };

/**
 * Asks Stripe for the customer, with the workspace's own client, so a license is never created for
 * an id that account does not have (a typo, another account's customer, a deleted one). Stripe
 * unreachable or refusing our key is an error, kept apart from "no such customer".
 */
export async function findStripeCustomer(stripe: Stripe, id: string): Promise<StripeCustomerCheck> {
  try {
    const customer = await stripe.customers.retrieve(id);
    return { found: !customer.deleted };
  } catch (err) {
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 404 || e.code === 'resource_missing') return { found: false };
    return { error: e.message ?? String(err) };
  }
}
