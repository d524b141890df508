import * as schema from '@licensync/core/schema';
import { hubspotFetch } from '@licensync/fakes/hubspot';
import { createHubspotClient } from '@licensync/hubspot';
import { adminCall, eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

// From a card to HubSpot: the api answers from Postgres, the worker then brings the licenses to the
// (fake) portal, associated with the contact the card sits on; "Sync licenses" does it again on demand.
const APP = { clientSecret: 'hs-cards-secret', publicUrl: 'https://licensync.example' };
let stack: HubspotStack;
let card: (path: string, init?: Parameters<typeof hubspotFetch>[2]) => ReturnType<typeof hubspotFetch>;
let contactId: string;
let licenseType: string;

const licenseRecord = (id: string) =>
  stack.fake.records(licenseType).find((r) => r.properties.licensync_license_id === id);
const associatedWithContact = (recordId: string) =>
  stack.fake
    .associations()
    .some(
      (e) =>
        (e.fromId === recordId && e.toObjectTypeId === '0-1' && e.toId === contactId) ||
        (e.toId === recordId && e.fromObjectTypeId === '0-1' && e.fromId === contactId),
    );

beforeAll(async () => {
  stack = await startHubspotStack({
    api: true,
    env: { HUBSPOT_CLIENT_SECRET: APP.clientSecret, PUBLIC_URL: APP.publicUrl },
  });
  const caller = {
    apiUrl: stack.api!.url,
    publicUrl: APP.publicUrl,
    clientSecret: APP.clientSecret,
    portalId: stack.fake.defaultPortal.portalId,
    userEmail: 'rep@seller.example',
  };
  card = (path, init) => hubspotFetch(caller, `/hubspot/cards${path}`, init);
  const sdk = createHubspotClient({ accessToken: stack.fake.defaultPortal.token, basePath: stack.fake.url });
  const contact = await sdk.crm.contacts.basicApi.create({
    properties: { email: 'ada@engines.example', firstname: 'Ada' },
    associations: [],
  });
  contactId = contact.id;
  const call = adminCall(stack.api!.url, stack.env.config.ADMIN_TOKEN);
  await call('POST', '/catalog/import', {
    products: [
      {
        short_code: 'pro',
        name: 'Pro',
        authorization_method: 'license-key',
        policies: [
          {
            code: 'annual',
            name: 'Annual',
            license_type: 'time-limited',
            valid_duration: '1y',
            is_default: true,
          },
        ],
      },
    ],
  });
  licenseType = (await stack.objectTypeIds()).licenses!;
});
afterAll(() => stack.close());

describe('a card order in HubSpot', () => {
  it("creates the licenses in HubSpot, on the card's contact, and syncs them again on demand", async () => {
    const pro = (await card('/products')).body.products[0];
    const order = await card('/orders', {
      method: 'POST',
      body: {
        objectType: 'contact',
        objectId: contactId,
        record: { email: 'ada@engines.example', firstName: 'Ada', lastName: 'Lovelace' },
        productId: pro.id,
        quantity: 2,
      },
    });
    expect(order.status).toBe(201);
    const ids: string[] = order.body.licenses.map((l: { id: string }) => l.id);
    await stack.settled();
    for (const id of ids) {
      const record = licenseRecord(id);
      expect(record?.properties).toMatchObject({ product: 'pro', status: 'active' });
      expect(associatedWithContact(record!.id)).toBe(true);
    }
    // The worker linked the customer to the same contact (matched by email) the card is on.
    const [link] = await stack.runtime.db
      .select()
      .from(schema.externalLinks)
      .where(eq(schema.externalLinks.externalId, contactId));
    expect(link).toMatchObject({ entityKind: 'customer', entityId: order.body.customer.id });

    // A change made without an intent (as if by a tool that bypassed the ledger functions) reaches
    // HubSpot only through "Sync licenses".
    await stack.runtime.db
      .update(schema.licenses)
      .set({ maxActivations: 9 })
      .where(eq(schema.licenses.id, ids[0]!));
    const sync = await card(`/records/contact/${contactId}/sync`, { method: 'POST' });
    expect(sync.status).toBe(202);
    expect(sync.body).toMatchObject({ queued: 3, licenses: 2, customers: 1 });
    const progress = await eventually(async () => {
      const res = await card(`/syncs/${sync.body.syncId}`);
      return res.body.finished ? res.body : undefined;
    }, 20_000);
    expect(progress).toMatchObject({ queued: 3, done: 3, failed: 0, pending: 0, finished: true });
    expect(licenseRecord(ids[0]!)?.properties.max_activations).toBe('9');
  });
});
