import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { workspaces } from './workspaces';

/** Our mirror of a Stripe invoice, the source of the HubSpot Invoices object. */
export const billingInvoices = pgTable(
  'billing_invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    stripeInvoiceId: text('stripe_invoice_id').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    stripeCustomerId: text('stripe_customer_id'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    number: text('number'),
    status: text('status').notNull(),
    billingReason: text('billing_reason'),
    currency: text('currency'),
    amountDue: bigint('amount_due', { mode: 'number' }),
    amountPaid: bigint('amount_paid', { mode: 'number' }),
    amountRemaining: bigint('amount_remaining', { mode: 'number' }),
    total: bigint('total', { mode: 'number' }),
    /** Stripe's `total_excluding_tax`: after discounts, before tax. */
    subtotalExcludingTax: bigint('subtotal_excluding_tax', { mode: 'number' }),
    /** When the invoice was issued (Stripe's `effective_at`, else its finalization); null for a draft. */
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    dueDate: timestamp('due_date', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    overdue: boolean('overdue').notNull().default(false),
    paymentFailed: boolean('payment_failed').notNull().default(false),
    hostedInvoiceUrl: text('hosted_invoice_url'),
    invoicePdf: text('invoice_pdf'),
    stripeEventAt: timestamp('stripe_event_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('billing_invoices_stripe').on(t.workspaceId, t.stripeInvoiceId),
    // The status sweep: open invoices whose due date falls within a window.
    index('billing_invoices_workspace_due_date').on(t.workspaceId, t.dueDate),
  ],
);
