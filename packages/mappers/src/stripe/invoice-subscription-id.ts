import type Stripe from 'stripe';

/** The subscription an invoice bills, if any. */
export function invoiceSubscriptionId(invoice: Pick<Stripe.Invoice, 'parent'>): string | undefined {
  // basil (2025-03-31) moved invoice.subscription under invoice.parent.subscription_details.
  const subscription = invoice.parent?.subscription_details?.subscription;
  if (subscription === undefined) return undefined;
  return typeof subscription === 'string' ? subscription : subscription.id;
}
