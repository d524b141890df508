import type Stripe from 'stripe';
import type { StripeStore } from './store/stripe-store.js';

/** What routes, operations and the simulator share: the objects, the API version and event listeners. */
export interface FakeStripeState {
  store: StripeStore;
  /** API version stamped on events created through the HTTP API. */
  apiVersion: string;
  listeners: Set<(event: Stripe.Event) => void>;
}
