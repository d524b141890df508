import type Stripe from 'stripe';

/** The subscription item an invoice line bills; `undefined` for one-off invoice items. */
export function invoiceLineSubscriptionItem(
  line: Pick<Stripe.InvoiceLineItem, 'parent'>,
): string | undefined {
  // basil (2025-03-31) moved line.subscription_item under line.parent.subscription_item_details.
  return line.parent?.subscription_item_details?.subscription_item ?? undefined;
}
