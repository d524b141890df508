import type { DbOrTx } from '@licensync/core/db';
import { PermanentError } from '@licensync/core/errors';
import { setSubscriptionLicensesState, WORKING_SUBSCRIPTION_STATUSES } from '@licensync/core/licenses';
import {
  addDuration,
  type LicensedPriceMetadata,
  parseLicenseMetadata,
  subscriptionItemPeriod,
  toBillingPeriodDuration,
  toHubspotDealId,
} from '@licensync/mappers';
import { sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { itemLicensing } from './item-licensing';
import { type PaidCoverage, paidThrough } from './paid-through';
import { provisionLineItems } from './provision-line-items';
import type { ProvisioningContext } from './provisioning-context';
import { workspaceSettings } from './revoke-payment-licenses';
import { fromUnix, idOf } from './stripe-ids';

/**
 * Makes our licenses of one subscription match what Stripe holds now, whichever event got us here
 * and in whatever order events came: creates the missing units once the subscription is paid (or
 * trialing), then sets enabled/disabled, size and validity from its current status and items.
 *
 * Serialised per subscription by an advisory lock, and Stripe is read inside the lock, so two
 * events of one subscription processed at once cannot write an older read over a newer one.
 * `liftReasons`: sticky disable reasons a new payment lifts (a paid renewal after a refund).
 */
export async function reconcileSubscription(
  ctx: ProvisioningContext,
  subscriptionId: string,
  opts: { liftReasons?: string[] } = {},
): Promise<Stripe.Subscription> {
  const { sub, failure } = await ctx.db.transaction(async (tx) => {
    // Bounded wait: a stuck holder must not pile up connections behind it; the job retries.
    await tx.execute(sql`set local lock_timeout = '30s'`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`subscription:${subscriptionId}`}))`);
    const sub = await ctx.stripe.subscriptions.retrieve(subscriptionId, {
      expand: ['items.data.price.product', 'latest_invoice'],
    });
    // Stripe keeps a subscription with pause_collection `active`, so its licenses work unless the
    // workspace says otherwise; status `paused` (a trial ended without payment) always stops them.
    const paused =
      sub.status === 'paused' ||
      (sub.pause_collection != null && (await workspaceSettings(ctx)).pauseCollectionAction === 'disable');
    const coverage = WORKING_SUBSCRIPTION_STATUSES.includes(sub.status) ? await paidThrough(ctx, sub) : null;
    const paid = sub.status === 'trialing' || Boolean(coverage?.anyPaid);
    const items = sub.items.data.map((item) => ({ item, metadata: licensedMetadata(item.price) }));
    const licensing = await itemLicensing(tx, ctx.workspaceId, sub, items);

    // Validity follows payment, never the period alone: a renewal extends licenses once its invoice
    // is paid (past due or an open sent invoice keeps them working, unextended); an active
    // subscription whose first invoice is still open works for `unpaid_active_license_period`.
    const validUntilOf = (item: Stripe.SubscriptionItem, metadata: LicensedPriceMetadata | undefined) => {
      if (paid) return itemValidUntil(sub, item, metadata, coverage);
      const grace = metadata?.unpaidActiveLicensePeriod;
      return grace ? addDuration(subscriptionItemPeriod(item).start, grace) : null;
    };
    const provisionable = items.filter(({ metadata }) => paid || metadata?.unpaidActiveLicensePeriod);

    // Item by item, each in its own savepoint: a broken price on one item must neither block the
    // others' licenses nor the state changes below (a quantity decrease, a renewal's extension).
    let failure: unknown;
    if (WORKING_SUBSCRIPTION_STATUSES.includes(sub.status) && provisionable.length > 0) {
      try {
        const customer = await licensedCustomer(ctx, sub);
        for (const { item, metadata } of provisionable) {
          try {
            const { lineItemId } = licensing.get(item.id)!;
            await provision(ctx, tx, sub, customer, [
              { item, lineItemId, validUntil: validUntilOf(item, metadata) },
            ]);
          } catch (err) {
            failure ??= err;
          }
        }
      } catch (err) {
        failure ??= err;
      }
    }
    await setSubscriptionLicensesState(tx, {
      workspaceId: ctx.workspaceId,
      subscriptionId: sub.id,
      status: sub.status,
      paused,
      liftReasons: opts.liftReasons ?? [],
      items: items.map(({ item, metadata }) => ({
        itemId: item.id,
        quantity: metadata?.isSingleLicense ? 1 : (item.quantity ?? 1),
        validUntil: validUntilOf(item, metadata),
        productId: licensing.get(item.id)?.productId,
        ...(metadata?.isSingleLicense && { size: singleLicenseSize(item, metadata) }),
      })),
    });
    return { sub, failure };
  });
  // Thrown after the commit, so what could be done is kept and the job still reports the broken price.
  if (failure) throw failure;
  return sub;
}

async function licensedCustomer(
  ctx: ProvisioningContext,
  sub: Stripe.Subscription,
): Promise<Stripe.Customer> {
  const customer = await ctx.stripe.customers.retrieve(idOf(sub.customer)!);
  if (customer.deleted)
    throw new PermanentError(`subscription ${sub.id}: customer ${customer.id} is deleted`);
  if (!customer.email)
    throw new PermanentError(`subscription ${sub.id}: customer ${customer.id} has no email to license`);
  return customer;
}

async function provision(
  ctx: ProvisioningContext,
  db: DbOrTx,
  sub: Stripe.Subscription,
  customer: Stripe.Customer,
  items: { item: Stripe.SubscriptionItem; lineItemId: string; validUntil: Date | null }[],
): Promise<void> {
  await provisionLineItems(
    ctx,
    {
      source: { kind: 'subscription', id: sub.id },
      customer: { email: customer.email!, name: customer.name ?? null, stripeCustomerId: customer.id },
      refs: { stripeSubscriptionId: sub.id },
      hubspotDealId: toHubspotDealId(sub.metadata),
      items: items.map(({ item, lineItemId, validUntil }) => ({
        id: lineItemId,
        price: item.price,
        quantity: item.quantity ?? 1,
        startsAt: subscriptionItemPeriod(item).start,
        ...(item.price.recurring && { billingPeriod: toBillingPeriodDuration(item.price.recurring) }),
        ...(validUntil && { validUntil }),
        refs: { stripeSubscriptionItemId: item.id },
      })),
    },
    db,
  );
}

function licensedMetadata(price: Stripe.Price): LicensedPriceMetadata | undefined {
  const parsed = parseLicenseMetadata(price);
  return parsed.ok && !parsed.value.ignored ? parsed.value : undefined;
}

/** A single license is sized by the quantity: activations (or users) and floating users. */
function singleLicenseSize(item: Stripe.SubscriptionItem, metadata: LicensedPriceMetadata) {
  const quantity = item.quantity ?? 1;
  return {
    seats: quantity,
    ...(metadata.floatingUsersFromQuantity && { floatingCloud: quantity }),
  };
}

/**
 * Trial → until the trial ends; otherwise the end of the period paid for, plus `added_days`. An
 * item no paid invoice billed yet (added without an invoice) runs to its period end while the
 * subscription owes nothing.
 */
function itemValidUntil(
  sub: Stripe.Subscription,
  item: Stripe.SubscriptionItem,
  metadata: LicensedPriceMetadata | undefined,
  coverage: PaidCoverage | null,
): Date | null {
  if (sub.status === 'trialing' && sub.trial_end) return fromUnix(sub.trial_end);
  const paidEnd =
    coverage?.itemEnds.get(item.id) ?? (coverage?.latestPaid ? item.current_period_end : undefined);
  if (paidEnd === undefined) return null;
  const end = Math.min(paidEnd, item.current_period_end) * 1000;
  return new Date(end + (metadata?.addedDays ?? 0) * 86_400_000);
}
