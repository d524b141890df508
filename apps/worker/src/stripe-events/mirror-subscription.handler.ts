import { upsertIfNewer } from '@licensync/core/db';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { toBillingTime } from '@licensync/mappers';
import type Stripe from 'stripe';
import { findMirrorCustomer } from '../hubspot/find-mirror-customer';
import { fromUnix, idOf } from '../provisioning/stripe-ids';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

const { billingSubscriptions: t } = schema;

/**
 * `customer.subscription.created|updated|deleted`: mirrors the subscription (read from Stripe) into
 * `billing_subscriptions` for HubSpot. Idempotent and order-safe: the upsert only applies when this
 * event is not older than the one that last wrote the row (`stripe_event_at`), so a late event
 * cannot roll the mirror back.
 */
export async function runMirrorSubscription(
  event:
    | Stripe.CustomerSubscriptionCreatedEvent
    | Stripe.CustomerSubscriptionUpdatedEvent
    | Stripe.CustomerSubscriptionDeletedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  const sub = await ctx.stripe.subscriptions.retrieve(event.data.object.id, {
    expand: ['items.data.price.product'],
  });
  const items = sub.items.data;
  const stripeCustomerId = idOf(sub.customer);
  const productName = (item: Stripe.SubscriptionItem) => {
    const product = item.price.product;
    return typeof product === 'object' && !product.deleted ? product.name : (item.price.nickname ?? null);
  };
  // clover keeps billing periods on the items, not the subscription.
  const starts = items.map((i) => i.current_period_start);
  const ends = items.map((i) => i.current_period_end);
  const values = {
    workspaceId: ctx.workspaceId,
    stripeSubscriptionId: sub.id,
    stripeCustomerId,
    status: sub.status,
    planName: [...new Set(items.map(productName).filter(Boolean))].join(' + ') || null,
    priceIds: items.map((i) => i.price.id),
    quantity: items.reduce((n, i) => n + (i.quantity ?? 1), 0),
    currency: sub.currency,
    amount: items.reduce((n, i) => n + (i.price.unit_amount ?? 0) * (i.quantity ?? 1), 0),
    currentPeriodStart: starts.length ? fromUnix(Math.min(...starts)) : null,
    currentPeriodEnd: ends.length ? fromUnix(Math.max(...ends)) : null,
    trialEnd: fromUnix(sub.trial_end),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    cancelAt: fromUnix(sub.cancel_at),
    canceledAt: fromUnix(sub.canceled_at),
    endedAt: fromUnix(sub.ended_at),
    stripeCreatedAt: fromUnix(sub.created),
    startedAt: fromUnix(sub.start_date),
    billingTime: toBillingTime(sub),
    livemode: sub.livemode ?? false,
    stripeEventAt: new Date(event.created * 1000),
    updatedAt: new Date(),
  };
  await ctx.db.transaction(async (tx) => {
    const customerId = await findMirrorCustomer(tx, ctx.stripe, ctx.workspaceId, stripeCustomerId);
    const { workspaceId: _w, stripeSubscriptionId: _s, ...changes } = values;
    const id = await upsertIfNewer(tx, {
      table: t,
      values: { ...values, customerId },
      target: [t.workspaceId, t.stripeSubscriptionId],
      set: { ...changes, customerId },
      stampedAt: t.stripeEventAt,
    });
    if (id) await enqueueSyncIntent(tx, ctx.workspaceId, 'subscription', [id]);
  });
  return 'processed';
}
