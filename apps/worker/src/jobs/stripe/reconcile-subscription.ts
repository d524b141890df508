import { PermanentError, setSubscriptionLicensesState } from '@licensync/core';
import { parseLicenseMetadata, toBillingPeriodDuration } from '@licensync/mappers';
import type Stripe from 'stripe';
import type { HandlerContext } from '../handler-context';
import { provisionLineItems } from './provision-line-items';
import { fromUnix, idOf } from './stripe-ids';

const PAID_STATUSES = ['active', 'trialing', 'past_due'];

/**
 * Makes our licenses of one subscription match what Stripe holds now, whichever event got us here
 * and in whatever order events came: creates the missing units of a paid subscription, then sets
 * enabled/disabled and validity from its current status, items and periods.
 */
export async function reconcileSubscription(
  ctx: HandlerContext,
  subscriptionId: string,
): Promise<Stripe.Subscription> {
  const sub = await ctx.stripe.subscriptions.retrieve(subscriptionId, {
    expand: ['items.data.price.product'],
  });
  const paused = sub.status === 'paused' || sub.pause_collection != null;
  // Validity follows payment: a past-due subscription keeps working but is not extended.
  const extends_ = sub.status === 'active' || sub.status === 'trialing';
  const items = sub.items.data.map((item) => ({
    item,
    validUntil: extends_ ? itemValidUntil(sub, item) : null,
  }));

  if (PAID_STATUSES.includes(sub.status)) {
    const customer = await ctx.stripe.customers.retrieve(idOf(sub.customer)!);
    if (customer.deleted)
      throw new PermanentError(`subscription ${sub.id}: customer ${customer.id} is deleted`);
    if (!customer.email)
      throw new PermanentError(`subscription ${sub.id}: customer ${customer.id} has no email to license`);
    await provisionLineItems(ctx, {
      source: { kind: 'subscription', id: sub.id },
      customer: { email: customer.email, name: customer.name ?? null, stripeCustomerId: customer.id },
      refs: { stripeSubscriptionId: sub.id },
      items: items.map(({ item, validUntil }) => ({
        id: item.id,
        price: item.price,
        quantity: item.quantity ?? 1,
        startsAt: fromUnix(item.current_period_start)!,
        ...(item.price.recurring && { billingPeriod: toBillingPeriodDuration(item.price.recurring) }),
        ...(validUntil && { validUntil }),
        refs: { stripeSubscriptionItemId: item.id },
      })),
    });
  }

  await ctx.db.transaction((tx) =>
    setSubscriptionLicensesState(tx, {
      workspaceId: ctx.workspaceId,
      subscriptionId: sub.id,
      status: sub.status,
      paused,
      items: items.map(({ item, validUntil }) => ({
        itemId: item.id,
        quantity: item.quantity ?? 1,
        validUntil,
      })),
    }),
  );
  return sub;
}

/** Trial → until the trial ends; otherwise the current period end plus `added_days`. */
function itemValidUntil(sub: Stripe.Subscription, item: Stripe.SubscriptionItem): Date | null {
  if (sub.status === 'trialing' && sub.trial_end) return fromUnix(sub.trial_end);
  const end = fromUnix(item.current_period_end);
  if (!end) return null;
  const parsed = parseLicenseMetadata(item.price);
  const addedDays = parsed.ok && !parsed.value.ignored ? parsed.value.addedDays : 0;
  return new Date(end.getTime() + addedDays * 86_400_000);
}
