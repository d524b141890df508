import { hubspotFetch } from '@licensync/fakes/hubspot';
import { eventually } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, type HubspotAppStack, startHubspotAppStack } from './support/hubspot-app-stack';

let app: HubspotAppStack;
let deal: string;
let ada: string;
let stranger: string;
let engines: string;

const card = (path: string, portalId = app.portalId) =>
  hubspotFetch({ ...app.caller, portalId, userId: 7, userEmail: 'rep@seller.test', appId: 99 }, path);
const ASSOCIATION_READS = 'GET /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}';

beforeAll(async () => {
  app = await startHubspotAppStack();
  // Ada buys seven licenses: her contact and company reach HubSpot through the sync.
  const order = await app.call('POST', '/orders', {
    customer: {
      email: 'ada@engines.test',
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: { name: 'Analytical Engines', domain: 'engines.test' },
    },
    product: 'pro',
    quantity: 7,
  });
  expect(order.status).toBe(201);
  await app.stack.settled();
  ada = app.stack.fake.records('0-1').find((c) => c.properties.email === 'ada@engines.test')!.id;
  engines = app.stack.fake.records('0-2').find((c) => c.properties.domain === 'engines.test')!.id;
  stranger = (
    await app.sdk.crm.contacts.basicApi.create({
      properties: { email: 'bob@elsewhere.test', firstname: 'Bob' },
      associations: [],
    })
  ).id;
  deal = (await app.sdk.crm.deals.basicApi.create({ properties: { dealname: 'Engines' }, associations: [] }))
    .id;
  for (const [type, id] of [
    ['contacts', ada],
    ['contacts', stranger],
    ['companies', engines],
  ] as const)
    await app.sdk.crm.associations.v4.basicApi.createDefault('deals', deal, type, id);
});
afterAll(() => app.stack.close());

describe('the deal card', () => {
  it('lists the deal’s contacts with a few licenses each and how many more, read once through the worker', async () => {
    const answer = await eventually(async () => {
      const res = await card(`/hubspot/cards/deals/${deal}/licenses?of=contacts&perRecord=5`);
      expect(res.status).toBe(200);
      return res.body.pending ? undefined : res.body;
    }, 10_000);
    expect(answer.stale).toBe(false);
    const byId = new Map(answer.records.map((r: { objectId: string }) => [r.objectId, r]));
    expect(byId.get(ada)).toMatchObject({
      objectType: 'contact',
      name: 'Ada Lovelace',
      connected: true,
      total: 7,
      more: 2,
    });
    const adaLicenses = (byId.get(ada) as { licenses: { productName: string; key: string; link: string }[] })
      .licenses;
    expect(adaLicenses).toHaveLength(5);
    expect(adaLicenses[0]).toMatchObject({
      productName: 'Pro',
      policyName: 'Annual',
      licenseType: 'time-limited',
    });
    expect(adaLicenses[0]!.link).toMatch(new RegExp(`^${APP.publicUrl}/`));
    expect(byId.get(stranger)).toMatchObject({
      name: 'Bob',
      connected: false,
      licenses: [],
      total: 0,
      more: 0,
    });

    // Within the TTL the card reads the cache: HubSpot is not asked again.
    const reads = app.stack.fake.calls(ASSOCIATION_READS);
    const again = await card(`/hubspot/cards/deals/${deal}/licenses?of=companies&perRecord=2`);
    expect(again.body.records).toEqual([
      expect.objectContaining({
        objectType: 'company',
        objectId: engines,
        name: 'Analytical Engines',
        total: 7,
        more: 5,
      }),
    ]);
    expect(app.stack.fake.calls(ASSOCIATION_READS)).toBe(reads);
  });

  it('a deal with more than 20 contacts lists 20 and says how many more it has', async () => {
    const big = (
      await app.sdk.crm.deals.basicApi.create({ properties: { dealname: 'Crowd' }, associations: [] })
    ).id;
    const created = await app.sdk.crm.contacts.batchApi.create({
      inputs: Array.from({ length: 23 }, (_, i) => ({
        properties: { email: `crowd${i}@many.test`, firstname: `Crowd ${i}` },
        associations: [],
      })),
    });
    for (const c of created.results)
      await app.sdk.crm.associations.v4.basicApi.createDefault('deals', big, 'contacts', c.id);
    const answer = await eventually(async () => {
      const res = await card(`/hubspot/cards/deals/${big}/licenses?of=contacts`);
      expect(res.status).toBe(200);
      return res.body.pending ? undefined : res.body;
    }, 10_000);
    expect(answer.records).toHaveLength(20);
    expect(answer).toMatchObject({ totalRecords: 23, moreRecords: 3 });
    const companies = await card(`/hubspot/cards/deals/${big}/licenses?of=companies`);
    expect(companies.body).toMatchObject({ records: [], totalRecords: 0, moreRecords: 0 });
  });

  it('shows the licenses of a company a card connected to a customer account', async () => {
    const initech = (
      await app.sdk.crm.companies.basicApi.create({
        properties: { name: 'Initech', domain: 'initech.test' },
        associations: [],
      })
    ).id;
    const products = await card('/hubspot/cards/products');
    const pro = products.body.products.find((p: { shortCode: string }) => p.shortCode === 'pro');
    const order = await hubspotFetch({ ...app.caller, portalId: app.portalId }, '/hubspot/cards/orders', {
      method: 'POST',
      body: {
        objectType: 'company',
        objectId: initech,
        record: { name: 'Initech', domain: 'initech.test', contact: { email: 'bill@initech.test' } },
        productId: pro.id,
        quantity: 3,
      },
    });
    expect(order.status).toBe(201);
    const other = (
      await app.sdk.crm.deals.basicApi.create({ properties: { dealname: 'Initech' }, associations: [] })
    ).id;
    await app.sdk.crm.associations.v4.basicApi.createDefault('deals', other, 'companies', initech);
    const answer = await eventually(async () => {
      const res = await card(`/hubspot/cards/deals/${other}/licenses?of=companies&perRecord=1`);
      return res.body.pending ? undefined : res.body;
    }, 10_000);
    expect(answer.records).toEqual([
      expect.objectContaining({ objectId: initech, name: 'Initech', connected: true, total: 3, more: 2 }),
    ]);
    expect(answer.records[0].licenses[0].customerEmail).toBe('bill@initech.test');
  });

  it('answers { pending: true } at once while the portal is paused, and from the cache for deals it has', async () => {
    const other = (
      await app.sdk.crm.deals.basicApi.create({ properties: { dealname: 'Paused' }, associations: [] })
    ).id;
    const portal = String(app.portalId);
    await app.stack.runtime.hubspot.limiter.pause(portal, 60_000);
    try {
      const pending = await card(`/hubspot/cards/deals/${other}/licenses`);
      expect(pending.status).toBe(200);
      expect(pending.body).toMatchObject({ pending: true, records: [] });
      expect(pending.body.retryAfterMs).toBeGreaterThan(1000);
      // The worker has noted the pause: the next call queues nothing and still answers.
      const again = await card(`/hubspot/cards/deals/${other}/licenses`);
      expect(again.body.pending).toBe(true);
      const cached = await card(`/hubspot/cards/deals/${deal}/licenses`);
      expect(cached.body.pending).toBeUndefined();
      expect(cached.body.records.length).toBe(2);
    } finally {
      await app.stack.runtime.hubspot.limiter.pause(portal, 1);
    }
  });

  it('refuses an unsigned call, another portal and a deal id that is no HubSpot id', async () => {
    const unsigned = await hubspotFetch(
      { ...app.caller, portalId: app.portalId },
      `/hubspot/cards/deals/${deal}/licenses`,
      {
        unsigned: true,
      },
    );
    expect(unsigned.status).toBe(401);
    const wrong = await hubspotFetch(
      { ...app.caller, portalId: app.portalId },
      `/hubspot/cards/deals/${deal}/licenses`,
      {
        signWith: { clientSecret: 'nope' },
      },
    );
    expect(wrong.status).toBe(401);
    expect((await card(`/hubspot/cards/deals/${deal}/licenses`, 424242)).status).toBe(404);
    const bad = await card('/hubspot/cards/deals/12ab/licenses');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    const badOf = await card(`/hubspot/cards/deals/${deal}/licenses?of=tickets`);
    expect(badOf.status).toBe(400);
  });
});
