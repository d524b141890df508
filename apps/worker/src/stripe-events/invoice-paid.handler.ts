import { resetConsumption } from '@licensync/core/licenses';
import { invoiceLineSubscriptionItem, invoiceSubscriptionId } from '@licensync/mappers';
import type Stripe from 'stripe';
import { licenseInvoiceLines, paidPaymentIntent } from '../provisioning/license-invoice-lines';
import { paymentRevocation } from '../provisioning/payment-revocation';
import { provisionOneOffInvoice } from '../provisioning/provision-one-off-invoice';
import { reconcileSubscription } from '../provisioning/reconcile-subscription';
import { fromUnix, idOf } from '../provisioning/stripe-ids';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

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
  if (!subscriptionId) return (await provisionOneOffInvoice(ctx, invoice)).outcome;

  const paymentIntentId = await paidPaymentIntent(ctx, invoice.id!);
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
  await licenseInvoiceLines(ctx, invoice, paymentIntentId, (line) => !invoiceLineSubscriptionItem(line));
  return 'processed';
}

async function latestInvoice(ctx: HandlerContext, subscriptionId: string) {
  return (await ctx.stripe.subscriptions.retrieve(subscriptionId)).latest_invoice;
}
