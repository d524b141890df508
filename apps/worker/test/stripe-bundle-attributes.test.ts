import * as schema from '@licensync/core/schema';
import { eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

/** The reference's "custom attributes for bundles" table, end to end: api → queue → worker. */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // A user-authorized bundle, for the attributes only such products take.
  const res = await stack.call('POST', '/catalog/import', {
    products: [
      {
        short_code: 'crew',
        name: 'Crew bundle',
        authorization_method: 'user',
        is_bundle: true,
        bundle_members: ['team'],
        custom_fields: [{ name: 'region', default_value: 'eu' }],
        policies: [{ code: 'default', name: 'Crew', license_type: 'perpetual', is_default: true }],
      },
    ],
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(() => stack.close());

const DAY = 86_400_000;

async function play<T extends { events: Stripe.Event[] }>(step: T): Promise<T> {
  await stack.deliver(step.events);
  await stack.settled(step.events);
  return step;
}

function price(metadata: Record<string, string>, recurring = false) {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: `Bundle ${metadata.short_code}` }).product;
  return sim.createPrice({
    product: product.id,
    unit_amount: 9900,
    metadata: { is_product_bundle: 'true', ...metadata },
    ...(recurring && { recurring: { interval: 'month' as const } }),
  }).price;
}

async function buy(priceId: string, email: string, quantity = 1) {
  const step = await play(
    stack.fake.sim.checkout({
      customer_email: email,
      mode: 'payment',
      lineItems: [{ price: priceId, quantity }],
    }),
  );
  const licenses = await stack.licenses({ paymentIntentId: step.paymentIntent!.id });
  return {
    ...step,
    bundles: licenses.filter((l) => !l.bundleLicenseId),
    members: licenses.filter((l) => l.bundleLicenseId),
  };
}

describe('custom attributes for bundles apply to the bundle licenses', () => {
  it('a time-limited bundle with valid_duration works, with max_activations, floating_cloud, maintenance and is_license_manager', async () => {
    const p = price({
      short_code: 'suite',
      license_type: 'time-limited',
      valid_duration: '30d',
      max_activations: '4',
      floating_cloud: '2',
      enable_maintenance_duration: 'true',
      maintenance_duration: '6m',
      is_license_manager: 'true',
    });
    const { bundles, members, session } = await buy(p.id, 'tl-bundle@example.com', 2);
    const start = session.created * 1000;
    const sixMonths = new Date(start);
    sixMonths.setUTCMonth(sixMonths.getUTCMonth() + 6);
    expect(bundles).toHaveLength(2);
    for (const bundle of bundles) {
      expect(bundle).toMatchObject({
        licenseType: 'time-limited',
        validUntil: new Date(start + 30 * DAY),
        maxActivations: 4,
        floatingCloud: 2,
        maintenanceUntil: sixMonths,
        isLicenseManager: true,
        enabled: true,
      });
    }
    // Member products take their own default policies, as the reference says.
    expect(members).toHaveLength(4);
    const pro = members.find((m) => m.maxActivations === 3)!;
    expect(pro).toMatchObject({ licenseType: 'perpetual', isLicenseManager: false, floatingCloud: null });
  });

  it('max_license_users and assign_customer_as_user shape a user bundle license; custom fields override its own', async () => {
    const p = price({
      short_code: 'crew',
      max_license_users: '7',
      assign_customer_as_user: 'true',
      custom_field_region: 'us',
    });
    const { bundles } = await buy(p.id, 'crew@example.com');
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatchObject({ maxLicenseUsers: 7, licenseKey: null });
    const users = await stack.api.db
      .select()
      .from(schema.licenseUsers)
      .where(eq(schema.licenseUsers.licenseId, bundles[0]!.id));
    expect(users.map((u) => u.email)).toEqual(['crew@example.com']);
    const fields = await stack.api.db
      .select()
      .from(schema.licenseCustomFields)
      .where(eq(schema.licenseCustomFields.licenseId, bundles[0]!.id));
    expect(fields.map((f) => [f.name, f.value])).toEqual([['region', 'us']]);
  });

  it('added_days extends a subscription bundle past its billing period', async () => {
    const { sim } = stack.fake;
    const p = price({ short_code: 'suite', license_policy: 'sub', added_days: '3' }, true);
    const customer = sim.createCustomer({ email: 'ad-bundle@example.com' }).customer.id;
    const { subscription } = await play(sim.createSubscription({ customer, items: [{ price: p.id }] }));
    const licenses = await stack.licenses({ subscriptionId: subscription.id });
    const end = subscription.items.data[0]!.current_period_end * 1000;
    const bundle = licenses.find((l) => !l.bundleLicenseId)!;
    expect(bundle).toMatchObject({ licenseType: 'subscription', validUntil: new Date(end + 3 * DAY) });
    expect(licenses).toHaveLength(3);
  });

  it('unpaid_active_license_period lets an unpaid subscription bundle work for that long', async () => {
    const { sim } = stack.fake;
    const p = price({ short_code: 'suite', unpaid_active_license_period: '5d' }, true);
    const customer = sim.createCustomer({ email: 'grace-bundle@example.com' }).customer.id;
    const step = sim.createSubscription({ customer, items: [{ price: p.id }] });
    const invoice = stack.fake.state.store.get<Stripe.Invoice>(
      'invoice',
      step.subscription.latest_invoice as string,
    );
    invoice.status = 'open';
    await play({ events: step.events.filter((e) => e.type === 'customer.subscription.created') });
    const licenses = await stack.licenses({ subscriptionId: step.subscription.id });
    const start = step.subscription.items.data[0]!.current_period_start * 1000;
    expect(licenses).toHaveLength(3);
    expect(licenses.every((l) => l.enabled && l.validUntil?.getTime() === start + 5 * DAY)).toBe(true);
    const ids = licenses.map((l) => l.id);
    const bundled = await stack.api.db
      .select()
      .from(schema.licenses)
      .where(inArray(schema.licenses.bundleLicenseId, ids));
    expect(bundled).toHaveLength(2);
  });
});
