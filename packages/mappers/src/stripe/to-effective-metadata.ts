import type Stripe from 'stripe';

/** A metadata value and where it was set, so messages can point operators at the right object. */
export interface MetadataEntry {
  value: string;
  from: 'price' | 'product';
}

export type EffectiveMetadata = ReadonlyMap<string, MetadataEntry>;

/** Product metadata overlaid by price metadata, key by key (the price wins). */
export function toEffectiveMetadata(
  price: Pick<Stripe.Price, 'metadata'>,
  product?: Pick<Stripe.Product, 'metadata'>,
): EffectiveMetadata {
  const merged = new Map<string, MetadataEntry>();
  for (const [key, value] of Object.entries(product?.metadata ?? {}))
    merged.set(key, { value, from: 'product' });
  for (const [key, value] of Object.entries(price.metadata)) merged.set(key, { value, from: 'price' });
  return merged;
}
