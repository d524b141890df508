import { schema } from '@licensync/core';
import { invoiceSubscriptionId } from '@licensync/mappers';
import { and, eq, or } from 'drizzle-orm';
import type { HandlerContext } from '../handler-context';

/**
 * The licenses a payment paid for: those created with its payment intent, plus, for a
 * subscription invoice's payment, the subscription's licenses (renewals carry no payment intent).
 */
export async function licensesForPayment(ctx: HandlerContext, paymentIntentId: string): Promise<string[]> {
  const { licenses } = schema;
  const payments = await ctx.stripe.invoicePayments.list({
    payment: { type: 'payment_intent', payment_intent: paymentIntentId },
    limit: 10,
  });
  const subscriptionIds: string[] = [];
  for (const payment of payments.data) {
    const invoiceId = typeof payment.invoice === 'string' ? payment.invoice : payment.invoice.id;
    if (!invoiceId) continue;
    const invoice = await ctx.stripe.invoices.retrieve(invoiceId);
    const subscriptionId = invoiceSubscriptionId(invoice);
    // Only a refund of what paid for a period revokes the subscription; a proration or one-off
    // invoice on it does not.
    const paysForPeriod =
      invoice.billing_reason === 'subscription_create' || invoice.billing_reason === 'subscription_cycle';
    if (subscriptionId && paysForPeriod) subscriptionIds.push(subscriptionId);
  }
  const rows = await ctx.db
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(
        eq(licenses.workspaceId, ctx.workspaceId),
        or(
          eq(licenses.stripePaymentIntentId, paymentIntentId),
          ...subscriptionIds.map((id) => eq(licenses.stripeSubscriptionId, id)),
        ),
      ),
    );
  return rows.map((r) => r.id);
}
