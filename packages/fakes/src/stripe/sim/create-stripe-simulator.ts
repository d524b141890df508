import type Stripe from 'stripe';
import type { FakeStripeState } from '../fake-stripe-state.js';
import { type AsyncPaymentActions, asyncPaymentActions } from './async-payment.actions.js';
import { type CatalogActions, catalogActions } from './catalog.actions.js';
import { type CheckoutInput, type CheckoutResult, checkoutAction } from './checkout.actions.js';
import { type LookupActions, lookupActions } from './lookup.actions.js';
import { type PaymentActions, paymentActions } from './payment.actions.js';
import { createSimRuntime, type SimResult } from './sim-runtime.js';
import { type SubscriptionActions, subscriptionActions } from './subscription.actions.js';

export interface StripeSimulatorOptions {
  /** Stamped as `api_version` on the events this simulator emits. Default: the fake's version. */
  apiVersion?: string;
}

/**
 * Plays Stripe stories against a fake: each action changes the fake's objects as Stripe would and
 * returns the objects plus the events it emitted (also listed by `GET /v1/events`).
 */
export interface StripeSimulator
  extends CatalogActions,
    AsyncPaymentActions,
    SubscriptionActions,
    PaymentActions,
    LookupActions {
  readonly apiVersion: string;
  checkout(input: CheckoutInput): SimResult<CheckoutResult>;
  /** Moves the fake's clock forward (unix seconds); renewals jump to the period end on their own. */
  advanceTime(seconds: number): void;
  /** Every event the fake holds, oldest first. */
  allEvents(): Stripe.Event[];
}

export function createStripeSimulator(
  fake: { state: FakeStripeState },
  options: StripeSimulatorOptions = {},
): StripeSimulator {
  const apiVersion = options.apiVersion ?? fake.state.apiVersion;
  const rt = createSimRuntime(fake.state, apiVersion);
  return {
    apiVersion,
    ...catalogActions(rt),
    checkout: checkoutAction(rt),
    ...asyncPaymentActions(rt),
    ...subscriptionActions(rt),
    ...paymentActions(rt),
    ...lookupActions(rt),
    advanceTime: (seconds) => rt.store.advanceTo(rt.store.now() + seconds),
    allEvents: () =>
      rt.store
        .all<Stripe.Event>('event')
        .reverse()
        .map((event) => structuredClone(event)),
  };
}
