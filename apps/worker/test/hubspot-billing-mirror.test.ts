import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMirrorCustomer } from '../src/stripe-events/mirror-customer.handler';
import { runMirrorInvoice } from '../src/stripe-events/mirror-invoice.handler';
import { runMirrorSubscription } from '../src/stripe-events/mirror-subscription.handler';
import type { HandlerContext } from '../src/stripe-events/stripe-event-handler';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

const T0 = Date.UTC(2026, 0, 10, 12) / 1000;
const T1 = Date.UTC(2026, 1, 10, 12) / 1000;
/** Created on the 9th, backdated to start on the 5th, billed on the 1st of each month. */
const CREATED = Date.UTC(2026, 0, 9, 8) / 1000;
const STARTED = Date.UTC(2026, 0, 5, 8) / 1000;
const FIRST_OF_FEB = Date.UTC(2026, 1, 1) / 1000;

/** What our stub Stripe answers "now" (clover shapes); tests change it between events. */
const state = {
  customer: {
    id: 'cus_b1',
    object: 'customer',
    email: 'Billing@Acme.test',
    name: 'Jane Buyer',
    business_name: 'Acme GmbH',
    metadata: { domain: 'acme.test' },
    tax_ids: { data: [{ value: 'DE123456789' }] },
  },
  subscription: {
    id: 'sub_b1',
    customer: 'cus_b1',
    status: 'active',
    currency: 'eur',
    livemode: false,
    created: CREATED,
    start_date: STARTED,
    billing_cycle_anchor: FIRST_OF_FEB,
    billing_cycle_anchor_config: null,
    items: {
      data: [
        {
          id: 'si_1',
          quantity: 2,
          current_period_start: T0,
          current_period_end: T1,
          price: {
            id: 'price_1',
            unit_amount: 4900,
            nickname: null,
            product: { id: 'prod_1', name: 'CAD Pro' },
          },
        },
      ],
    },
    trial_end: null,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
  },
  invoice: {
    id: 'in_b1',
    customer: 'cus_b1',
    parent: { subscription_details: { subscription: 'sub_b1' } },
    number: 'ACME-0001',
    status: 'paid',
    billing_reason: 'subscription_create',
    currency: 'eur',
    amount_due: 9800,
    amount_paid: 9800,
    amount_remaining: 0,
    total: 9800,
    total_excluding_tax: 8235,
    effective_at: T0 - 3600,
    status_transitions: { paid_at: T0, finalized_at: T0 - 3600 },
    due_date: null,
    attempt_count: 1,
    lines: { data: [{ period: { start: T0, end: T1 } }] },
    period_start: T0,
    period_end: T0,
    hosted_invoice_url: 'https://invoice.stripe.com/i/acme',
    invoice_pdf: 'https://pay.stripe.com/invoice/acme/pdf',
  },
};
const stripe = {
  customers: { retrieve: async () => structuredClone(state.customer) },
  subscriptions: { retrieve: async () => structuredClone(state.subscription) },
  invoices: { retrieve: async () => structuredClone(state.invoice) },
} as unknown as Stripe;

const event = <E>(type: string, id: string, created: number) =>
  ({ id: `evt_${type}_${created}`, type, created, data: { object: { id } } }) as unknown as E;

let stack: HubspotStack;
let ctx: HandlerContext;
let types: { subscriptions: string; invoices: string };

beforeAll(async () => {
  stack = await startHubspotStack();
  ctx = {
    db: stack.runtime.db,
    stripe,
    logger: stack.env.logger,
    workspaceId: stack.workspaceId,
    inboxEventId: 0,
  };
  const ids = await stack.objectTypeIds();
  types = { subscriptions: ids.subscriptions!, invoices: ids.invoices! };
});
afterAll(() => stack.close());

const subscriptionRow = async () =>
  (
    await stack.runtime.db
      .select()
      .from(schema.billingSubscriptions)
      .where(eq(schema.billingSubscriptions.stripeSubscriptionId, 'sub_b1'))
  )[0];
const hubspotSubscription = () => stack.fake.records(types.subscriptions)[0];

describe('billing mirrored into HubSpot', () => {
  it('mirrors a company customer, its subscription and its paid invoice, associated with its company', async () => {
    await runMirrorCustomer(event('customer.created', 'cus_b1', 100), ctx);
    await runMirrorSubscription(event('customer.subscription.created', 'sub_b1', 200), ctx);
    await runMirrorInvoice(event('invoice.paid', 'in_b1', 300), ctx);

    const sub = await eventually(async () => hubspotSubscription());
    const invoice = await eventually(async () => stack.fake.records(types.invoices)[0]);
    expect(sub.properties).toMatchObject({
      stripe_subscription_id: 'sub_b1',
      plan_name: 'CAD Pro',
      status: 'active',
      quantity: '2',
      amount: '98.00',
      currency: 'EUR',
      current_period_start: '2026-01-10',
      current_period_end: '2026-02-10',
      created_at: '2026-01-09',
      started_at: '2026-01-05',
      billing_time: 'calendar',
      subscription_url: 'https://dashboard.stripe.com/test/subscriptions/sub_b1',
    });
    expect(invoice.properties).toMatchObject({
      invoice_number: 'ACME-0001',
      status: 'paid',
      payment_status: 'paid',
      total: '98.00',
      subtotal_excluding_tax: '82.35',
      issuing_date: '2026-01-10',
      stripe_subscription_id: 'sub_b1',
      period_end: '2026-02-10',
      hosted_invoice_url: 'https://invoice.stripe.com/i/acme',
    });
    // Stripe's business name makes it a company customer: a HubSpot company, and no contact.
    expect(stack.fake.records('0-1')).toHaveLength(0);
    const [company] = stack.fake.records('0-2');
    expect(company?.properties).toMatchObject({
      name: 'Acme GmbH',
      domain: 'acme.test',
      licensync_billing_email: 'billing@acme.test',
      licensync_tax_id: 'DE123456789',
    });
    await eventually(async () => {
      const targets = (fromType: string) =>
        stack.fake
          .associations()
          .filter((e) => e.fromObjectTypeId === fromType)
          .map((e) => e.toId);
      return (
        JSON.stringify(targets(types.subscriptions)) === JSON.stringify([company!.id]) &&
        JSON.stringify(targets(types.invoices)) === JSON.stringify([company!.id])
      );
    });
  });

  it('does not let an older event overwrite newer state, and applies a newer one', async () => {
    state.subscription.status = 'past_due';
    await runMirrorSubscription(event('customer.subscription.updated', 'sub_b1', 150), ctx);
    expect((await subscriptionRow())?.status).toBe('active');

    state.subscription.status = 'canceled';
    Object.assign(state.subscription, { canceled_at: T1, ended_at: T1 });
    await runMirrorSubscription(event('customer.subscription.deleted', 'sub_b1', 400), ctx);
    expect((await subscriptionRow())?.status).toBe('canceled');
    await eventually(async () => hubspotSubscription()?.properties.status === 'canceled');
    expect(stack.fake.records(types.subscriptions)).toHaveLength(1);
    expect(hubspotSubscription()?.properties.ended_at).toBe('2026-02-10');
  });
});
