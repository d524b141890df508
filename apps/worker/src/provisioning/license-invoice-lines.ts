import { PermanentError } from '@licensync/core/errors';
import { invoiceLinePrice, toHubspotDealId } from '@licensync/mappers';
import type Stripe from 'stripe';
import { provisionLineItems } from './provision-line-items';
import type { ProvisioningContext } from './provisioning-context';
import { fromUnix, idOf } from './stripe-ids';

/**
 * Licenses the lines of a paid invoice that `include` picks, like a checkout, keyed by invoice
 * line and unit. Returns how many licenses are new.
 */
export async function licenseInvoiceLines(
  ctx: ProvisioningContext,
  invoice: Stripe.Invoice,
  paymentIntentId: string | null,
  include: (line: Stripe.InvoiceLineItem) => boolean,
): Promise<number> {
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
  if (items.length === 0) return 0;
  const email = invoice.customer_email ?? (await customerEmail(ctx, idOf(invoice.customer)));
  if (!email) throw new PermanentError(`invoice ${invoice.id} has no customer email to license`);
  const { created } = await provisionLineItems(ctx, {
    source: { kind: 'invoice', id: invoice.id! },
    customer: { email, name: invoice.customer_name ?? null, stripeCustomerId: idOf(invoice.customer) },
    refs: { stripeInvoiceId: invoice.id!, stripePaymentIntentId: paymentIntentId },
    items,
    hubspotDealId: toHubspotDealId(invoice.metadata),
  });
  return created.length;
}

/** The payment intent that paid an invoice, if any (a zero-total or credited invoice has none). */
export async function paidPaymentIntent(ctx: ProvisioningContext, invoiceId: string): Promise<string | null> {
  const payments = await ctx.stripe.invoicePayments.list({ invoice: invoiceId, limit: 10 });
  return idOf(payments.data.find((p) => p.status === 'paid')?.payment.payment_intent);
}

async function customerEmail(ctx: ProvisioningContext, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const customer = await ctx.stripe.customers.retrieve(customerId);
  return customer.deleted ? null : (customer.email ?? null);
}
