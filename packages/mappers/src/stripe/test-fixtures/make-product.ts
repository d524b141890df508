import type Stripe from 'stripe';

/** A product shaped like Stripe's product fixture. */
export function makeProduct(overrides: Partial<Stripe.Product> = {}): Stripe.Product {
  return {
    id: 'prod_123',
    object: 'product',
    active: true,
    created: 1_234_567_890,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: 'Desktop app',
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: 1_234_567_890,
    url: null,
    ...overrides,
  };
}
