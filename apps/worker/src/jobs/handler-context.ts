import type { Config, Db, Logger } from '@licensync/core';
import type Stripe from 'stripe';

export interface HandlerContext {
  db: Db;
  stripe: Stripe;
  logger: Logger;
  config: Config;
  workspaceId: string;
  inboxEventId: number;
}

/** `ignored`: the event needs nothing from us (e.g. a subscription checkout; invoice.paid handles it). */
export type HandlerOutcome = 'processed' | 'ignored';

export type StripeEventHandler<E extends Stripe.Event = Stripe.Event> = (
  event: E,
  ctx: HandlerContext,
) => Promise<HandlerOutcome>;
