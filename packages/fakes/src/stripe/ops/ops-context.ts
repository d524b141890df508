import type Stripe from 'stripe';
import { buildStripeEvent } from '../build-stripe-event.js';
import type { FakeStripeState } from '../fake-stripe-state.js';
import { renderObject } from '../render/render-object.js';
import type { StripeRecord } from '../store/stripe-record.js';
import type { StripeStore } from '../store/stripe-store.js';

/** What an operation needs: the store, and an `emit` that records the events it causes. */
export interface OpsContext {
  store: StripeStore;
  /** Snapshots `record` as rendered now, stores the event for `GET /v1/events` and notifies listeners. */
  emit(type: string, record: StripeRecord, previousAttributes?: Record<string, unknown>): Stripe.Event;
  /** Events emitted through this context, in order. */
  events: Stripe.Event[];
}

export function createOpsContext(
  state: FakeStripeState,
  options: { apiVersion?: string; request?: { id: string; idempotency_key: string | null } } = {},
): OpsContext {
  const events: Stripe.Event[] = [];
  const { store } = state;
  return {
    store,
    events,
    emit(type, record, previousAttributes) {
      const event = buildStripeEvent(type, renderObject(store, record), {
        apiVersion: options.apiVersion ?? state.apiVersion,
        created: store.now(),
        previousAttributes,
        request: options.request ?? null,
      });
      store.insert(event);
      events.push(event);
      for (const listener of state.listeners) listener(structuredClone(event));
      return structuredClone(event);
    },
  };
}
