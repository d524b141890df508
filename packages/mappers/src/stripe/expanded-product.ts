import type Stripe from 'stripe';

/** `price.product` when Stripe expanded it; an id or a deleted product carries no metadata. */
export function expandedProduct(product: Stripe.Price['product']): Stripe.Product | undefined {
  if (typeof product === 'string' || product.deleted) return undefined;
  return product;
}
