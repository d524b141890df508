import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export type RecurringInterval = Stripe.Price.Recurring.Interval;

export interface PriceInput {
  product: string;
  unit_amount: number;
  currency: string;
  recurring?: { interval: RecurringInterval; interval_count?: number } | null;
  nickname?: string | null;
  lookup_key?: string | null;
  active?: boolean;
  metadata?: Record<string, string>;
}

export function buildPrice(input: PriceInput, now: number): Stripe.Price {
  return {
    id: newId('price'),
    object: 'price',
    active: input.active ?? true,
    billing_scheme: 'per_unit',
    created: now,
    currency: input.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookup_key ?? null,
    metadata: input.metadata ?? {},
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.recurring
      ? {
          interval: input.recurring.interval,
          interval_count: input.recurring.interval_count ?? 1,
          meter: null,
          trial_period_days: null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? 'recurring' : 'one_time',
    unit_amount: input.unit_amount,
    unit_amount_decimal: String(input.unit_amount),
  };
}
