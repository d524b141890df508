import type Stripe from 'stripe';
import { newId } from '../store/new-id.js';

export interface InvoiceInput {
  customer: Stripe.Customer | null;
  currency: string;
  /** Sum of the line amounts; the invoice starts as a draft for that amount. */
  total: number;
  billingReason: Stripe.Invoice.BillingReason;
  subscription?: { id: string; metadata: Record<string, string> } | null;
  periodStart: number;
  periodEnd: number;
}

/** A draft invoice; `finalizeInvoice`/`payInvoice` in ops move it on like Stripe does. */
export function buildInvoice(input: InvoiceInput, now: number): Stripe.Invoice {
  const id = newId('in');
  return {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: 'licensync fake',
    account_tax_ids: null,
    amount_due: input.total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: input.total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: 'charge_automatically',
    created: now,
    currency: input.currency,
    custom_fields: null,
    customer: input.customer?.id ?? null,
    customer_account: null,
    customer_address: null,
    customer_email: input.customer?.email ?? null,
    customer_name: input.customer?.name ?? null,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    // Filled from the stored lines when rendered.
    lines: { object: 'list', data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    // basil moved the subscription under invoice.parent.
    parent: input.subscription
      ? {
          type: 'subscription_details',
          quote_details: null,
          subscription_details: {
            metadata: input.subscription.metadata,
            subscription: input.subscription.id,
          },
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: input.total,
    subtotal_excluding_tax: input.total,
    test_clock: null,
    total: input.total,
    total_discount_amounts: [],
    total_excluding_tax: input.total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
}
