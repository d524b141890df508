import { adminCall } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let call: ReturnType<typeof adminCall>;
let licenseType: string;

beforeAll(async () => {
  stack = await startHubspotStack({ api: true });
  call = adminCall(stack.api!.url, stack.env.config.ADMIN_TOKEN);
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

// Every URL written into HubSpot: only console pages, which a person can open after sign-in.
const linksIn = (properties: Record<string, unknown>) =>
  Object.values(properties).filter((value) => /https?:\/\//.test(String(value)));
const consolePage = (kind: string, id: string) =>
  `${stack.env.config.PUBLIC_URL.replace(/\/+$/, '')}/console/${kind}/${id}?workspace=default`;
const recordOf = (licenseId: string) =>
  stack.fake.records(licenseType).find((r) => r.properties.licensync_license_id === licenseId);

// A hand-taken order reaches HubSpot like a purchase: licenses, the contact and its company.
describe('an order taken by hand, in HubSpot', () => {
  it('brings the licenses, the contact and the company to HubSpot, with links only to their console pages', async () => {
    const order = await call('POST', '/orders', {
      customer: {
        email: 'ada@engines.example',
        first_name: 'Ada',
        last_name: 'Lovelace',
        company: { name: 'Analytical Engines', domain: 'engines.example' },
      },
      product: 'pro',
      quantity: 2,
      source: 'hubspot_card',
    });
    expect(order.status).toBe(201);
    await stack.settled();
    const ids = order.body.licenses.map((l: { id: string }) => l.id);
    for (const id of ids) {
      expect(recordOf(id)?.properties).toMatchObject({
        product: 'pro',
        license_type: 'time-limited',
        status: 'active',
      });
      expect(linksIn(recordOf(id)!.properties)).toEqual([consolePage('licenses', id)]);
    }
    const contact = stack.fake.records('0-1').find((c) => c.properties.email === 'ada@engines.example');
    expect(contact?.properties).toMatchObject({
      firstname: 'Ada',
      lastname: 'Lovelace',
    });
    expect(linksIn(contact!.properties)).toEqual([consolePage('customers', order.body.customer_id)]);
    expect(stack.fake.records('0-2').some((c) => c.properties.domain === 'engines.example')).toBe(true);

    // An edit follows the same way.
    const edit = await call('PATCH', `/licenses/${ids[0]}`, { max_activations: 7 });
    expect(edit.body.changed).toEqual(['max_activations']);
    await stack.settled();
    expect(recordOf(ids[0])?.properties.max_activations).toBe('7');
  });

  it('hubspot_default_object=company makes the next customer without a company a HubSpot company', async () => {
    const set = await call('PATCH', '/settings', { hubspot_default_object: 'company' });
    expect(set.body.changed).toEqual(['hubspot_default_object']);
    await call('POST', '/orders', {
      customer: { email: 'solo@studio.example', first_name: 'Solo', last_name: 'Studio' },
      product: 'pro',
      quantity: 1,
    });
    await stack.settled();
    expect(stack.fake.records('0-2').map((c) => c.properties.name)).toContain('Solo Studio');
  });
});
