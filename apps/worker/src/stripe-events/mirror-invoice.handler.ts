import { upsertIfNewer } from '@licensync/core/db';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { invoiceSubscriptionId } from '@licensync/mappers';
import type Stripe from 'stripe';
import { findMirrorCustomer } from '../hubspot/find-mirror-customer';
import { fromUnix, idOf } from '../provisioning/stripe-ids';
import type { HandlerContext, HandlerOutcome } from './stripe-event-handler';

const { billingInvoices: t } = schema;

/**
 * `invoice.created|finalized|paid|payment_failed|voided`: mirrors the invoice (read from Stripe)
 * into `billing_invoices` for HubSpot. Idempotent and order-safe: the upsert only applies when this
 * event is not older than the one that last wrote the row (`stripe_event_at`).
 */
export async function runMirrorInvoice(
  event:
    | Stripe.InvoiceCreatedEvent
    | Stripe.InvoiceFinalizedEvent
    | Stripe.InvoicePaidEvent
    | Stripe.InvoicePaymentFailedEvent
    | Stripe.InvoiceVoidedEvent,
  ctx: HandlerContext,
): Promise<HandlerOutcome> {
  const inv = await ctx.stripe.invoices.retrieve(event.data.object.id!);
  const stripeCustomerId = idOf(inv.customer);
  const line = inv.lines?.data[0];
  const values = {
    workspaceId: ctx.workspaceId,
    stripeInvoiceId: inv.id!,
    stripeCustomerId,
    // basil moved the subscription under invoice.parent.subscription_details.
    stripeSubscriptionId: invoiceSubscriptionId(inv) ?? null,
    number: inv.number,
    status: inv.status ?? 'draft',
    billingReason: inv.billing_reason,
    currency: inv.currency,
    amountDue: inv.amount_due,
    amountPaid: inv.amount_paid,
    amountRemaining: inv.amount_remaining,
    total: inv.total,
    // After discounts, before tax: what Lago calls the subtotal excluding taxes.
    subtotalExcludingTax: inv.total_excluding_tax ?? null,
    issuedAt: fromUnix(inv.effective_at ?? inv.status_transitions?.finalized_at),
    dueDate: fromUnix(inv.due_date),
    paidAt: fromUnix(inv.status_transitions?.paid_at),
    // The line's service period, not the invoice's item-collection window.
    periodStart: fromUnix(line?.period.start ?? inv.period_start),
    periodEnd: fromUnix(line?.period.end ?? inv.period_end),
    paymentFailed:
      inv.status === 'open' && (inv.attempt_count > 0 || event.type === 'invoice.payment_failed'),
    hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
    invoicePdf: inv.invoice_pdf ?? null,
    stripeEventAt: new Date(event.created * 1000),
    updatedAt: new Date(),
  };
  await ctx.db.transaction(async (tx) => {
    const customerId = await findMirrorCustomer(tx, ctx.stripe, ctx.workspaceId, stripeCustomerId);
    const { workspaceId: _w, stripeInvoiceId: _i, ...changes } = values;
    const id = await upsertIfNewer(tx, {
      table: t,
      values: { ...values, customerId },
      target: [t.workspaceId, t.stripeInvoiceId],
      set: { ...changes, customerId },
      stampedAt: t.stripeEventAt,
    });
    if (id) await enqueueSyncIntent(tx, ctx.workspaceId, 'invoice', [id]);
  });
  return 'processed';
}
