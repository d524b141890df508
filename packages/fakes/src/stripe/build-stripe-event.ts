import type Stripe from 'stripe';
import { DEFAULT_STRIPE_API_VERSION } from './default-api-version.js';
import { newId } from './store/new-id.js';

export interface BuildStripeEventOptions {
  /** Stamped as `api_version`. Default: the version stripe@20.3.1 pins. */
  apiVersion?: string;
  /** Old values of the changed keys, for `*.updated` events. */
  previousAttributes?: Record<string, unknown>;
  /** Unix seconds. Default: now. */
  created?: number;
  /** Default: a fresh `evt_…`. */
  id?: string;
  request?: { id: string | null; idempotency_key: string | null } | null;
}

/** A Stripe `Event` envelope around `object`, for tests that need an event without the simulator. */
export function buildStripeEvent(
  type: string,
  object: object,
  options: BuildStripeEventOptions = {},
): Stripe.Event {
  const data: Record<string, unknown> = { object };
  if (options.previousAttributes) data.previous_attributes = options.previousAttributes;
  return {
    id: options.id ?? newId('evt'),
    object: 'event',
    api_version: options.apiVersion ?? DEFAULT_STRIPE_API_VERSION,
    created: options.created ?? Math.floor(Date.now() / 1000),
    data,
    livemode: false,
    pending_webhooks: 1,
    request: options.request ?? { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}
