import type { HubspotInvoiceSource } from './hubspot-sources';
import { hubspotValue as v } from './hubspot-value';

export type InvoicePaymentStatus = 'not_due' | 'unpaid' | 'overdue' | 'failed' | 'paid' | 'void';

const isPastDue = (invoice: HubspotInvoiceSource, now: Date) =>
  invoice.dueDate !== null && invoice.dueDate.getTime() < now.getTime();

/** What sales asks about an invoice, in one value. A failed attempt outranks plain overdue. */
export function invoicePaymentStatus(invoice: HubspotInvoiceSource, now: Date): InvoicePaymentStatus {
  if (invoice.status === 'paid') return 'paid';
  if (invoice.status === 'void' || invoice.status === 'uncollectible') return 'void';
  if (invoice.status === 'draft') return 'not_due';
  if (invoice.paymentFailed) return 'failed';
  if (isPastDue(invoice, now)) return 'overdue';
  return 'unpaid';
}

/** Our mirror of a Stripe invoice → the HubSpot Invoices object (INVOICE_OBJECT). */
export function toHubspotInvoiceProperties(
  invoice: HubspotInvoiceSource,
  opts: { now: Date },
): Record<string, string> {
  const paymentStatus = invoicePaymentStatus(invoice, opts.now);
  const money = (amount: number | null) => v.money(amount, invoice.currency);
  return {
    licensync_invoice_id: invoice.id,
    stripe_invoice_id: invoice.stripeInvoiceId,
    stripe_subscription_id: v.text(invoice.stripeSubscriptionId),
    stripe_customer_id: v.text(invoice.stripeCustomerId),
    // Drafts have no number yet; the Stripe id keeps the record findable until finalization.
    invoice_number: invoice.number ?? invoice.stripeInvoiceId,
    status: invoice.status,
    payment_status: paymentStatus,
    billing_reason: v.text(invoice.billingReason),
    currency: (invoice.currency ?? '').toUpperCase(),
    total: money(invoice.total),
    subtotal_excluding_tax: money(invoice.subtotalExcludingTax),
    issuing_date: v.date(invoice.issuedAt),
    amount_due: money(invoice.amountDue),
    amount_paid: money(invoice.amountPaid),
    amount_remaining: money(invoice.amountRemaining),
    due_date: v.date(invoice.dueDate),
    paid_at: v.datetime(invoice.paidAt),
    period_start: v.date(invoice.periodStart),
    period_end: v.date(invoice.periodEnd),
    overdue: v.bool(invoice.status === 'open' && isPastDue(invoice, opts.now)),
    hosted_invoice_url: v.text(invoice.hostedInvoiceUrl),
    invoice_pdf: v.text(invoice.invoicePdf),
    customer_email: v.text(invoice.customerEmail),
  };
}
