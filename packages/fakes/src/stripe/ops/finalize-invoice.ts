import type Stripe from 'stripe';
import type { OpsContext } from './ops-context.js';

/** draft → open with a number and hosted URLs; emits `invoice.finalized`. */
export function finalizeInvoice(
  ctx: OpsContext,
  invoice: Stripe.Invoice,
  customer: Stripe.Customer | null,
): void {
  const now = ctx.store.now();
  const sequence = customer?.next_invoice_sequence ?? 1;
  if (customer) customer.next_invoice_sequence = sequence + 1;
  Object.assign(invoice, {
    status: 'open',
    number: `${customer?.invoice_prefix ?? 'FAKE0000'}-${String(sequence).padStart(4, '0')}`,
    effective_at: now,
    hosted_invoice_url: `https://invoice.stripe.com/i/${invoice.id}`,
    invoice_pdf: `https://pay.stripe.com/invoice/${invoice.id}/pdf`,
    status_transitions: { ...invoice.status_transitions, finalized_at: now },
  } satisfies Partial<Stripe.Invoice>);
  ctx.emit('invoice.finalized', invoice);
}
