import type { HubspotObjectSpec } from './object-spec';
import { prop } from './property-spec';

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'uncollectible', 'void'] as const;
export const INVOICE_PAYMENT_STATUSES = ['not_due', 'unpaid', 'overdue', 'failed', 'paid', 'void'] as const;

// WARNING: HubSpot stores records under these property and object names. Renaming one strands the
// values already written (HubSpot keeps the old property) — add new names, never rename.
export const INVOICE_OBJECT: HubspotObjectSpec = {
  key: 'invoices',
  kind: 'invoice',
  name: 'licensync_invoice',
  labels: { singular: 'Invoice', plural: 'Invoices' },
  idProperty: 'licensync_invoice_id',
  primaryDisplayProperty: 'invoice_number',
  secondaryDisplayProperties: ['status', 'payment_status'],
  searchableProperties: ['licensync_invoice_id', 'stripe_invoice_id', 'invoice_number', 'customer_email'],
  associatedObjects: ['CONTACT', 'COMPANY', 'DEAL'],
  properties: [
    prop.key('licensync_invoice_id', 'Licensync invoice ID'),
    prop.text('stripe_invoice_id', 'Stripe invoice ID'),
    prop.text('stripe_subscription_id', 'Stripe subscription ID'),
    prop.text('stripe_customer_id', 'Stripe customer ID'),
    prop.text('invoice_number', 'Number'),
    prop.select('status', 'Status', INVOICE_STATUSES),
    prop.select('payment_status', 'Payment status', INVOICE_PAYMENT_STATUSES),
    prop.text('billing_reason', 'Billing reason'),
    prop.text('currency', 'Currency'),
    prop.money('total', 'Total'),
    prop.money('amount_due', 'Amount due'),
    prop.money('amount_paid', 'Amount paid'),
    prop.money('amount_remaining', 'Amount remaining'),
    prop.date('due_date', 'Due date'),
    prop.datetime('paid_at', 'Paid at'),
    prop.date('period_start', 'Period start'),
    prop.date('period_end', 'Period end'),
    prop.bool('overdue', 'Overdue'),
    prop.text('hosted_invoice_url', 'Invoice page'),
    prop.text('invoice_pdf', 'Invoice PDF'),
    prop.text('customer_email', 'Customer email'),
    prop.date('issuing_date', 'Issuing date'),
    prop.money('subtotal_excluding_tax', 'Subtotal excluding taxes'),
  ],
};
