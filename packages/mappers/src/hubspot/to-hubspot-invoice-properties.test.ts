import { describe, expect, it } from 'vitest';
import { makeInvoice } from './test-sources';
import { toHubspotInvoiceProperties } from './to-hubspot-invoice-properties';

const now = new Date('2026-02-10T00:00:00Z');

describe('toHubspotInvoiceProperties', () => {
  it.each([
    ['an open invoice before its due date is unpaid', {}, { payment_status: 'unpaid', overdue: 'false' }],
    [
      'an open invoice past its due date is overdue',
      { dueDate: new Date('2026-02-01T00:00:00Z') },
      { payment_status: 'overdue', overdue: 'true' },
    ],
    [
      'a failed payment attempt shows as failed',
      { paymentFailed: true },
      { payment_status: 'failed', overdue: 'false' },
    ],
    [
      'a paid invoice is paid even if it was late',
      {
        status: 'paid',
        dueDate: new Date('2026-02-01T00:00:00Z'),
        paidAt: new Date('2026-02-05T12:00:00Z'),
        amountPaid: 4900,
        amountRemaining: 0,
      },
      {
        payment_status: 'paid',
        overdue: 'false',
        paid_at: '2026-02-05T12:00:00.000Z',
        amount_paid: '49.00',
        amount_remaining: '0.00',
      },
    ],
    ['a voided invoice is void', { status: 'void' }, { payment_status: 'void' }],
    [
      'a draft is not due and named by its Stripe id',
      { status: 'draft', number: null },
      { payment_status: 'not_due', invoice_number: 'in_1' },
    ],
    ['the due date is a UTC day', {}, { due_date: '2026-02-15' }],
    ['the issuing date is a UTC day', {}, { issuing_date: '2026-02-01' }],
    ['a draft has no issuing date yet', { status: 'draft', issuedAt: null }, { issuing_date: '' }],
    [
      'the subtotal excluding taxes is in major units',
      {},
      { subtotal_excluding_tax: '41.18', total: '49.00' },
    ],
    ['an unknown subtotal clears the value', { subtotalExcludingTax: null }, { subtotal_excluding_tax: '' }],
    [
      'links to the hosted page and PDF',
      {},
      {
        hosted_invoice_url: 'https://invoice.stripe.com/i/1',
        invoice_pdf: 'https://pay.stripe.com/invoice/1/pdf',
      },
    ],
  ])('%s', (_rule, override, expected) => {
    expect(toHubspotInvoiceProperties(makeInvoice(override), { now })).toMatchObject(expected);
  });
});
