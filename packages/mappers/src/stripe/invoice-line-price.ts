import type Stripe from 'stripe';

/** A line's price id, and the price itself when the caller expanded `pricing.price_details.price`. */
export interface InvoiceLinePrice {
  id: string;
  expanded?: Stripe.Price;
}

/** The price an invoice line bills; `undefined` for lines without a price (e.g. a custom amount). */
export function invoiceLinePrice(
  line: Pick<Stripe.InvoiceLineItem, 'pricing'>,
): InvoiceLinePrice | undefined {
  // basil (2025-03-31) removed line.price; the price now sits in line.pricing.price_details.
  const price = line.pricing?.price_details?.price;
  if (price === undefined) return undefined;
  return typeof price === 'string' ? { id: price } : { id: price.id, expanded: price };
}
