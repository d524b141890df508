import type { Logger } from '@licensync/core/logging';
import type Stripe from 'stripe';
import type { ProvisioningContext, ProvisioningOutcome } from '../provisioning/provisioning-context';

/** What a handler of one stored Stripe event gets: provisioning's context plus where it came from. */
export interface HandlerContext extends ProvisioningContext {
  logger: Logger;
  inboxEventId: number;
}

export type HandlerOutcome = ProvisioningOutcome;

export type StripeEventType = Stripe.Event['type'];

/** The SDK's event type for one `type` string, e.g. `Stripe.InvoicePaidEvent` for `invoice.paid`. */
export type StripeEventOf<T extends StripeEventType> = Extract<Stripe.Event, { type: T }>;

/**
 * A function type, not a method: its parameter is checked contravariantly, so a handler written
 * for one event cannot be listed under another.
 */
export type StripeEventHandler<E extends Stripe.Event = Stripe.Event> = (
  event: E,
  ctx: HandlerContext,
) => Promise<HandlerOutcome>;

/** Each event type we act on, with the handlers that run for it in order. */
export type StripeEventRegistry = {
  readonly [T in StripeEventType]?: readonly StripeEventHandler<StripeEventOf<T>>[];
};
