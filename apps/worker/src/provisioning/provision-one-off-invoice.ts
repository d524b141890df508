import { invoiceSubscriptionId } from '@licensync/mappers';
import type Stripe from 'stripe';
import { licenseInvoiceLines, paidPaymentIntent } from './license-invoice-lines';
import type { ProvisionOutcome } from './provision-checkout-session';
import type { ProvisioningContext } from './provisioning-context';

/**
 * Licenses every line of a paid invoice that belongs to no subscription. Run by `invoice.paid`
 * (with the invoice it just read) and by the stripe-reconcile (with an id) for invoices whose event
 * never came; a subscription's invoice is ignored here. Idempotent because licenses are keyed by
 * invoice line and unit. Terminal on broken metadata or an invoice without an email.
 */
export async function provisionOneOffInvoice(
  ctx: ProvisioningContext,
  invoiceOrId: Stripe.Invoice | string,
): Promise<ProvisionOutcome> {
  const invoice =
    typeof invoiceOrId === 'string' ? await ctx.stripe.invoices.retrieve(invoiceOrId) : invoiceOrId;
  if (invoiceSubscriptionId(invoice)) return { outcome: 'ignored', created: 0 };
  const paymentIntentId = await paidPaymentIntent(ctx, invoice.id!);
  const created = await licenseInvoiceLines(ctx, invoice, paymentIntentId, () => true);
  return { outcome: 'processed', created };
}
