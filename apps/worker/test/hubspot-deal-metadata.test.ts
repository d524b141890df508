import * as schema from '@licensync/core/schema';
import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { createHubspotClient, getHubspotConnection } from '@licensync/hubspot';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intentCounts } from './hubspot-fixtures';
import { type Stack, startStack } from './support/start-stack';

let hubspot: FakeHubspot;
let stack: Stack;

beforeAll(async () => {
  hubspot = await createFakeHubspot();
  stack = await startStack({
    env: {
      HUBSPOT_API_BASE: hubspot.url,
      HUBSPOT_ACCESS_TOKEN: hubspot.defaultPortal.token,
      HUBSPOT_SYNC_POLL_MS: '100',
    },
  });
});
afterAll(async () => {
  await stack.close();
  await hubspot.close();
});

it('associates the licenses a checkout pays with the deal its metadata names (hubspot_deal_id)', async () => {
  const sdk = createHubspotClient({ accessToken: hubspot.defaultPortal.token, basePath: hubspot.url });
  const deal = await sdk.crm.deals.basicApi.create({
    properties: { dealname: 'Seats for Acme' },
    associations: [],
  });
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Acme Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
  const { events, session } = sim.checkout({
    customer_email: 'buyer@acme.test',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 2 }],
    metadata: { hubspot_deal_id: deal.id },
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');
  await stack.deliver(completed);
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('processed');

  const [order] = await stack.api.db
    .select()
    .from(schema.orders)
    .where(eq(schema.orders.sourceId, session.id));
  expect(order!.hubspotDealId).toBe(deal.id);
  const licenses = await stack.licenses({ paymentIntentId: order!.stripePaymentIntentId! });
  expect(licenses).toHaveLength(2);

  await eventually(async () => {
    const counts = await intentCounts(stack.api.db);
    return !counts.pending && !counts.processing && counts.done ? counts : undefined;
  }, 20_000);
  const licenseType = (await getHubspotConnection(stack.api.db, stack.workspaceId))!.objectTypeIds.licenses!;
  const records = hubspot
    .records(licenseType)
    .filter((r) => licenses.some((l) => l.id === r.properties.licensync_license_id));
  expect(records).toHaveLength(2);
  const dealOf = (recordId: string) =>
    hubspot
      .associations()
      .filter(
        (e) => e.fromObjectTypeId === licenseType && e.fromId === recordId && e.toObjectTypeId === '0-3',
      )
      .map((e) => e.toId);
  for (const r of records) expect(dealOf(r.id)).toEqual([deal.id]);

  // The same event again (Stripe's redelivery, a replay) neither duplicates the order nor the associations.
  await stack.api.db.update(schema.inboxEvents).set({ status: 'failed' });
  await stack.deliver(completed);
  await stack.settled(completed);
  expect(
    await stack.api.db.select().from(schema.orders).where(eq(schema.orders.sourceId, session.id)),
  ).toHaveLength(1);
  for (const r of records) expect(dealOf(r.id)).toEqual([deal.id]);
});

it('leaves a checkout whose metadata names no deal unassociated with any deal', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Plain Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
  const { events, session } = sim.checkout({
    customer_email: 'plain@acme.test',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 1 }],
    metadata: { hubspot_deal_id: 'not-a-record-id' },
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');
  await stack.deliver(completed);
  await stack.settled(completed);
  const [order] = await stack.api.db
    .select()
    .from(schema.orders)
    .where(eq(schema.orders.sourceId, session.id));
  expect(order!.hubspotDealId).toBeNull();
});
