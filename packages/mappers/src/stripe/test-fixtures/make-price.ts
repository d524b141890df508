import type Stripe from 'stripe';

type PriceOverrides = Partial<Omit<Stripe.Price, 'metadata'>> & { metadata?: Stripe.Metadata };

/** A one-off price shaped like Stripe's price fixture; pass `recurring` for a subscription price. */
export function makePrice(overrides: PriceOverrides = {}): Stripe.Price {
  const recurring = overrides.recurring ?? null;
  return {
    id: 'price_123',
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: 1_234_567_890,
    currency: 'usd',
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: 'prod_123',
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    unit_amount: 2000,
    unit_amount_decimal: '2000',
    ...overrides,
    recurring,
    type: recurring ? 'recurring' : 'one_time',
  };
}

/** A monthly (or other) billing period, as Stripe puts it on `price.recurring`. */
export function makeRecurring(
  interval: Stripe.Price.Recurring.Interval = 'month',
  intervalCount = 1,
): Stripe.Price.Recurring {
  return {
    interval,
    interval_count: intervalCount,
    meter: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}
