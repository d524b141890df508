import type { FakeStripe } from '@licensync/fakes/stripe';

/** A new monthly price (15.00) of the example catalog's `pro` product under its `sub` policy. */
export function createProMonthlyPrice(sim: FakeStripe['sim']) {
  const product = sim.createProduct({ name: 'Pro monthly' }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: 1500,
    recurring: { interval: 'month' },
    metadata: { short_code: 'pro', license_policy: 'sub' },
  }).price;
}
