import { PermanentError, resetConsumption } from '@licensync/core';
import { invoiceLinePrice, invoiceLineSubscriptionItem, invoiceSubscriptionId } from '@licensync/mappers';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { paymentRevocation } from './payment-revocation';
import { provisionLineItems } from './provision-line-items';
import { reconcileSubscription } from './reconcile-subscription';
import { fromUnix, idOf } from './stripe-ids';

/**
 * `invoice.paid`: a subscription's first invoice creates its licenses, a renewal extends them to
 * the new period end (plus `added_days`), starts a new consumption period and lifts a refund of an
 * earlier period; one-time lines (on a one-off invoice, or added to a subscription's invoice) are
 * licensed like a checkout, keyed by invoice line.
 * Idempotent because licenses are keyed by subscription item and unit (or invoice line and unit),
 * validity only moves forward and consumption resets once per period. Terminal on broken metadata.
 */
export async function runInvoicePaid(
  event: Stripe.InvoicePaidEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  // basil moved the subscription under invoice.parent; read it from the API's current shape.
  const invoice = await ctx.stripe.invoices.retrieve(event.data.object.id!);
  const subscriptionId = invoiceSubscriptionId(invoice);
  const paymentIntentId = await paidPaymentIntent(ctx, invoice.id!);

  if (subscriptionId) {
    const renewal = invoice.billing_reason === 'subscription_cycle';
    const paidAgain =
      renewal && paymentIntentId !== null && (await paymentRevocation(ctx, paymentIntentId)) === null;
    await reconcileSubscription(ctx, subscriptionId, {
      // A renewal paid (and not itself refunded) after a refund: the customer pays again.
      liftReasons:
        paidAgain && idOf(await latestInvoice(ctx, subscriptionId)) === invoice.id ? ['refunded'] : [],
    });
    if (renewal) {
      const periodStart = fromUnix(invoice.lines.data[0]?.period.start) ?? fromUnix(invoice.period_end)!;
      await ctx.db.transaction((tx) =>
        resetConsumption(tx, { workspaceId: ctx.workspaceId, subscriptionId, periodStart }),
      );
    }
    // One-time prices bought with the subscription are licensed on their own, not as its units.
    await licenseOneTimeLines(ctx, invoice, paymentIntentId, (line) => !invoiceLineSubscriptionItem(line));
    return 'processed';
  }
  await licenseOneTimeLines(ctx, invoice, paymentIntentId, () => true);
  return 'processed';
}

async function licenseOneTimeLines(
  ctx: HandlerContext,
  invoice: Stripe.Invoice,
  paymentIntentId: string | null,
  include: (line: Stripe.InvoiceLineItem) => boolean,
): Promise<void> {
  const lines = (
    await ctx.stripe.invoices.listLineItems(invoice.id!, { limit: 100 }).autoPagingToArray({ limit: 10_000 })
  ).filter(include);
  const prices = new Map<string, Stripe.Price>();
  const items = [];
  for (const line of lines) {
    const ref = invoiceLinePrice(line);
    if (!ref) continue;
    if (!prices.has(ref.id))
      prices.set(ref.id, await ctx.stripe.prices.retrieve(ref.id, { expand: ['product'] }));
    items.push({
      id: line.id,
      price: prices.get(ref.id)!,
      quantity: line.quantity ?? 1,
      startsAt: fromUnix(line.period.start)!,
    });
  }
  if (items.length === 0) return;
  const email = invoice.customer_email ?? (await customerEmail(ctx, idOf(invoice.customer)));
  if (!email) throw new PermanentError(`invoice ${invoice.id} has no customer email to license`);
  await provisionLineItems(ctx, {
    source: { kind: 'invoice', id: invoice.id! },
    customer: { email, name: invoice.customer_name ?? null, stripeCustomerId: idOf(invoice.customer) },
    refs: { stripeInvoiceId: invoice.id!, stripePaymentIntentId: paymentIntentId },
    items,
  });
}

async function paidPaymentIntent(ctx: HandlerContext, invoiceId: string): Promise<string | null> {
  const payments = await ctx.stripe.invoicePayments.list({ invoice: invoiceId, limit: 10 });
  return idOf(payments.data.find((p) => p.status === 'paid')?.payment.payment_intent);
}

async function latestInvoice(ctx: HandlerContext, subscriptionId: string) {
  return (await ctx.stripe.subscriptions.retrieve(subscriptionId)).latest_invoice;
}

async function customerEmail(ctx: HandlerContext, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const customer = await ctx.stripe.customers.retrieve(customerId);
  return customer.deleted ? null : (customer.email ?? null);
}
