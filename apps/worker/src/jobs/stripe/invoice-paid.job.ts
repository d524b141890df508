import { PermanentError, resetConsumption } from '@licensync/core';
import { invoiceLinePrice, invoiceSubscriptionId } from '@licensync/mappers';
import type Stripe from 'stripe';
import type { HandlerContext, HandlerOutcome } from '../handler-context';
import { provisionLineItems } from './provision-line-items';
import { reconcileSubscription } from './reconcile-subscription';
import { fromUnix, idOf } from './stripe-ids';

/**
 * `invoice.paid`: a subscription's first invoice creates its licenses, a renewal extends them to
 * the new period end (plus `added_days`) and starts a new consumption period; a one-off invoice
 * licenses its lines like a checkout.
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
  if (subscriptionId) {
    await reconcileSubscription(ctx, subscriptionId);
    if (invoice.billing_reason === 'subscription_cycle') {
      const periodStart = fromUnix(invoice.lines.data[0]?.period.start) ?? fromUnix(invoice.period_end)!;
      await ctx.db.transaction((tx) =>
        resetConsumption(tx, { workspaceId: ctx.workspaceId, subscriptionId, periodStart }),
      );
    }
    return 'processed';
  }

  const lines = await ctx.stripe.invoices
    .listLineItems(invoice.id!, { limit: 100 })
    .autoPagingToArray({ limit: 10_000 });
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
  const email = invoice.customer_email ?? (await customerEmail(ctx, idOf(invoice.customer)));
  if (!email) throw new PermanentError(`invoice ${invoice.id} has no customer email to license`);
  const payments = await ctx.stripe.invoicePayments.list({ invoice: invoice.id!, limit: 10 });
  const paymentIntent = payments.data.find((p) => p.status === 'paid')?.payment.payment_intent;

  await provisionLineItems(ctx, {
    source: { kind: 'invoice', id: invoice.id! },
    customer: { email, name: invoice.customer_name ?? null, stripeCustomerId: idOf(invoice.customer) },
    refs: { stripeInvoiceId: invoice.id!, stripePaymentIntentId: idOf(paymentIntent) },
    items,
  });
  return 'processed';
}

async function customerEmail(ctx: HandlerContext, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const customer = await ctx.stripe.customers.retrieve(customerId);
  return customer.deleted ? null : (customer.email ?? null);
}
