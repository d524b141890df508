import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

/** The price metadata rules of the reference's Stripe app, end to end: api → queue → worker. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

function price(metadata: Record<string, string>, recurring = false) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: `P ${metadata.short_code}` }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: 1000,
    metadata,
    ...(recurring && { recurring: { interval: 'month' as const } }),
  });
}

async function buy(priceId: string, email: string, quantity = 1) {
  const step = await play(
    stack.fake.sim.checkout({
      customer_email: email,
      mode: 'payment',
      lineItems: [{ price: priceId, quantity }],
    }),
  );
  return { ...step, licenses: await stack.licenses({ paymentIntentId: step.paymentIntent!.id }) };
}

async function problemsOf(priceId: string) {
  const res = await stack.call('GET', '/prices/problems');
  return res.body.data.find((row: { price_id: string }) => row.price_id === priceId)?.problems ?? [];
}

const fieldsOf = async (licenseId: string) =>
  Object.fromEntries(
    (
      await stack.api.db
        .select()
        .from(schema.licenseCustomFields)
        .where(eq(schema.licenseCustomFields.licenseId, licenseId))
    ).map((f) => [f.name, f.value]),
  );

describe('booleans: only "true" enables; any other value or omitting the key is false', () => {
  it('yes or TRUE never fails an order: the paid order is licensed, the value read as false', async () => {
    const created = price({ short_code: 'pro', is_single_license: 'yes', is_license_manager: 'TRUE' });
    const { licenses, events } = await buy(created.price.id, 'bools@example.com', 2);
    expect(licenses).toHaveLength(2);
    expect(licenses.every((l) => !l.isLicenseManager && l.enabled)).toBe(true);
    const rows = await stack.api.db.select().from(schema.inboxEvents);
    const completed = events.find((e) => e.type === 'checkout.session.completed')!;
    expect(rows.find((r) => r.externalId === completed.id)?.status).toBe('processed');
  });

  it('the price lint (price.created) reports such values as warnings', async () => {
    const created = price({ short_code: 'pro', is_single_license: 'yes', is_license_manager: 'TRUE' });
    await play(created);
    const problems = await problemsOf(created.price.id);
    expect([...problems].sort((a, b) => a.attribute.localeCompare(b.attribute))).toEqual([
      {
        attribute: 'is_license_manager',
        rule: 'boolean',
        severity: 'warning',
        message: `price ${created.price.id}: is_license_manager ("TRUE") is read as false: only "true" enables it`,
      },
      {
        attribute: 'is_single_license',
        rule: 'boolean',
        severity: 'warning',
        message: `price ${created.price.id}: is_single_license ("yes") is read as false: only "true" enables it`,
      },
    ]);
  });
});

describe('enable_maintenance_duration: omitted follows the license policy', () => {
  it('"false" switches maintenance off even where the policy turns it on', async () => {
    const off = await buy(
      price({ short_code: 'pro', enable_maintenance_duration: 'false' }).price.id,
      'm0@example.com',
    );
    expect(off.licenses[0]!.maintenanceUntil).toBeNull();
  });

  it('an omitted key means as the policy says (pro/default turns maintenance on for 1y)', async () => {
    const { licenses, session } = await buy(price({ short_code: 'pro' }).price.id, 'm1@example.com');
    const created = new Date(session.created * 1000);
    expect(licenses[0]!.maintenanceUntil!.getUTCFullYear()).toBe(created.getUTCFullYear() + 1);
  });
});

describe('valid_duration is not applicable to subscription licenses; added_days only to subscription licenses', () => {
  it('valid_duration on a recurring price is ignored: the billing period decides, and the lint reports it', async () => {
    const { sim } = stack.fake;
    const created = price({ short_code: 'pro', license_policy: 'sub', valid_duration: '1y' }, true);
    await play(created);
    const customer = sim.createCustomer({ email: 'vd@example.com' }).customer.id;
    const { subscription } = await play(
      sim.createSubscription({ customer, items: [{ price: created.price.id }] }),
    );
    const [license] = await stack.licenses({ subscriptionId: subscription.id });
    expect(license!.validUntil).toEqual(new Date(subscription.items.data[0]!.current_period_end * 1000));
    expect(await problemsOf(created.price.id)).toMatchObject([
      { attribute: 'valid_duration', rule: 'duration-from-billing-period', severity: 'warning' },
    ]);
  });

  it('added_days on a one-off price is ignored, and the lint reports it', async () => {
    const created = price({ short_code: 'pro', license_policy: 'annual', added_days: '7' });
    await play(created);
    const { licenses, session } = await buy(created.price.id, 'ad@example.com');
    const start = new Date(session.created * 1000);
    const yearLater = new Date(start);
    yearLater.setUTCFullYear(start.getUTCFullYear() + 1);
    expect(licenses[0]!.validUntil).toEqual(yearLater);
    expect(await problemsOf(created.price.id)).toMatchObject([
      { attribute: 'added_days', rule: 'recurring-only', severity: 'warning' },
    ]);
  });
});

describe('custom_field_{NAME} overrides a custom field the product has', () => {
  it('overrides a known field; an unknown name creates nothing and the lint reports it as a likely typo', async () => {
    const created = price({
      short_code: 'pro',
      custom_field_support_tier: 'gold',
      custom_field_suport_tier: 'x',
    });
    await play(created);
    const { licenses } = await buy(created.price.id, 'cf@example.com');
    expect(await fieldsOf(licenses[0]!.id)).toEqual({ support_tier: 'gold' });
    expect(await problemsOf(created.price.id)).toMatchObject([
      { attribute: 'custom_field_suport_tier', rule: 'unknown-custom-field', severity: 'warning' },
    ]);
  });
});
