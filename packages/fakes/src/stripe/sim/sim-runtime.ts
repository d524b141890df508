import type Stripe from 'stripe';
import type { FakeStripeState } from '../fake-stripe-state.js';
import { createOpsContext, type OpsContext } from '../ops/ops-context.js';
import { renderObject } from '../render/render-object.js';
import type { StripeRecord } from '../store/stripe-record.js';
import type { StripeStore } from '../store/stripe-store.js';

/** Every simulator action returns the objects it touched (as the API would render them) and its events. */
export type SimResult<T> = T & { events: Stripe.Event[] };

export interface SimRuntime {
  store: StripeStore;
  /** Runs `action` with a fresh context stamping `apiVersion` on its events. */
  act<T extends object>(action: (ctx: OpsContext) => T): SimResult<T>;
  render<T extends StripeRecord>(record: T): T;
  renderOrNull<T extends StripeRecord>(record: T | null | undefined): T | null;
}

export function createSimRuntime(state: FakeStripeState, apiVersion: string): SimRuntime {
  const render = <T extends StripeRecord>(record: T) => renderObject(state.store, record);
  return {
    store: state.store,
    act(action) {
      const ctx = createOpsContext(state, { apiVersion });
      const result = action(ctx);
      return { ...result, events: ctx.events };
    },
    render,
    renderOrNull: (record) => (record ? render(record) : null),
  };
}
