import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';
import { buildPlan } from './build-plan.js';

export interface SubscriptionItemInput {
  subscription: string;
  price: Stripe.Price;
  quantity: number;
  periodStart: number;
  periodEnd: number;
}

export function buildSubscriptionItem(input: SubscriptionItemInput, now: number): Stripe.SubscriptionItem {
  return {
    id: newId('si', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: now,
    current_period_end: input.periodEnd,
    current_period_start: input.periodStart,
    discounts: [],
    metadata: {},
    plan: buildPlan(input.price),
    price: input.price,
    quantity: input.quantity,
    subscription: input.subscription,
    tax_rates: [],
  };
}
