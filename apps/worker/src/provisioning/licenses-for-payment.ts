import * as schema from '@licensync/core/schema';
import { invoiceSubscriptionId } from '@licensync/mappers';
import { and, eq, or } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { ProvisioningContext } from './provisioning-context';

/**
 * The licenses a payment paid for: those created with its payment intent, plus, for a
 * subscription invoice's payment, the subscription's licenses (renewals carry no payment intent).
 */
export async function licensesForPayment(
  ctx: ProvisioningContext,
  paymentIntentId: string,
): Promise<string[]> {
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
    // Only a refund of what paid for the latest paid period revokes the subscription: a
    // proration or one-off invoice on it does not, nor an old period once a newer one is paid.
    if (
      subscriptionId &&
      paysForPeriod(invoice) &&
      (await isLatestPaidPeriod(ctx, subscriptionId, invoice.id!))
    ) {
      subscriptionIds.push(subscriptionId);
    }
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

function paysForPeriod(invoice: Stripe.Invoice): boolean {
  return invoice.billing_reason === 'subscription_create' || invoice.billing_reason === 'subscription_cycle';
}

async function isLatestPaidPeriod(
  ctx: ProvisioningContext,
  subscriptionId: string,
  invoiceId: string,
): Promise<boolean> {
  const paid = await ctx.stripe.invoices.list({ subscription: subscriptionId, status: 'paid', limit: 20 });
  const latest = paid.data.filter(paysForPeriod).sort((a, b) => b.created - a.created)[0];
  return latest?.id === invoiceId;
}
