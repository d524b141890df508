import type Stripe from 'stripe';
import { buildInvoice } from '../objects/build-invoice.js';
import { buildInvoiceLineItem } from '../objects/build-invoice-line-item.js';
import type { OpsContext } from './ops-context.js';

export interface InvoiceLineSpec {
  price: Stripe.Price;
  quantity: number;
  period: { start: number; end: number };
  subscriptionItem?: string;
  amount?: number;
  /** A proration line: the remaining part of the period at the new price, billed now. */
  proration?: boolean;
}

export interface CreateInvoiceInput {
  customer: Stripe.Customer | null;
  currency: string;
  billingReason: Stripe.Invoice.BillingReason;
  subscription?: Stripe.Subscription | null;
  lines: InvoiceLineSpec[];
  /** The invoice-item collection window, not the service period (that is on each line). */
  periodStart: number;
  periodEnd: number;
}

/**
 * A draft invoice with its lines stored as children. Emits nothing: callers emit `invoice.created`
 * once the objects that name the invoice (a subscription's `latest_invoice`) are in place.
 */
export function createInvoice(ctx: OpsContext, input: CreateInvoiceInput): Stripe.Invoice {
  const { store } = ctx;
  const { subscription } = input;
  const total = input.lines.reduce(
    (sum, line) => sum + (line.amount ?? (line.price.unit_amount ?? 0) * line.quantity),
    0,
  );
  const invoice = store.insert(
    buildInvoice(
      {
        customer: input.customer,
        currency: input.currency,
        total,
        billingReason: input.billingReason,
        subscription: subscription ? { id: subscription.id, metadata: subscription.metadata } : null,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      },
      store.now(),
    ),
  );
  if (subscription?.collection_method === 'send_invoice') {
    // Stripe emails such an invoice and waits for the customer until its due date.
    const days = subscription.days_until_due ?? 30;
    Object.assign(invoice, { collection_method: 'send_invoice', due_date: store.now() + days * 86_400 });
  }
  for (const line of input.lines) {
    const productName = store.find<Stripe.Product>(String(line.price.product))?.name ?? 'Item';
    const lineItem = buildInvoiceLineItem({
      invoice: invoice.id,
      price: line.price,
      quantity: line.quantity,
      period: line.period,
      amount: line.amount,
      description: `${line.quantity} × ${productName}`,
      subscription:
        subscription && line.subscriptionItem
          ? { id: subscription.id, item: line.subscriptionItem, proration: line.proration ?? false }
          : null,
    });
    store.insert(lineItem, { parent: invoice.id });
  }
  return invoice;
}
