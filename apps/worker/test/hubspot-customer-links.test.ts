import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLicenses, seedProduct } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let licenseType: string;
let productId: string;
let tags = 0;

beforeAll(async () => {
  stack = await startHubspotStack();
  licenseType = (await stack.objectTypeIds()).licenses!;
  productId = await seedProduct(stack.runtime.db, stack.workspaceId);
});
afterAll(() => stack.close());

/** A record sales created in HubSpot before licensync knew the customer. */
async function existingRecord(objectType: 'contacts' | 'companies', properties: Record<string, string>) {
  const res = await fetch(`${stack.fake.url}/crm/v3/objects/${objectType}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${stack.fake.defaultPortal.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ properties, associations: [] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

type NewCustomer = Pick<typeof schema.customers.$inferInsert, 'email' | 'name' | 'customerType' | 'metadata'>;

/** Customers written as the mirror writes them, each with one license, synced together. */
async function customersWithLicenses(...customers: NewCustomer[]) {
  const db = stack.runtime.db;
  const rows = [];
  // One by one: `created_at` orders them, as it would customers created at different times.
  for (const c of customers) {
    const [row] = await db
      .insert(schema.customers)
      .values({ workspaceId: stack.workspaceId, ...c })
      .returning();
    rows.push(row!);
  }
  const licenses = [];
  for (const row of rows) {
    tags += 1;
    const [id] = await seedLicenses(db, stack.workspaceId, {
      productId,
      customerIds: [row.id],
      n: 1,
      tag: `links-${tags}`,
    });
    licenses.push(id!);
  }
  await enqueueSyncIntent(
    db,
    stack.workspaceId,
    'customer',
    rows.map((r) => r.id),
  );
  await stack.settled();
  return { customers: rows, licenses };
}

const linkOf = async (customerId: string, type: '0-1' | '0-2') => {
  const [link] = await stack.runtime.db
    .select()
    .from(schema.externalLinks)
    .where(and(eq(schema.externalLinks.entityId, customerId), eq(schema.externalLinks.externalType, type)));
  return link?.externalId;
};
const targetsOf = (licenseId: string) => {
  const record = stack.fake
    .records(licenseType)
    .find((r) => r.properties.licensync_license_id === licenseId)!;
  return stack.fake
    .associations()
    .filter((e) => e.fromObjectTypeId === licenseType && e.fromId === record.id)
    .map((e) => `${e.toObjectTypeId}:${e.toId}`)
    .sort();
};
const companyRecord = (id: string) => stack.fake.records('0-2').find((c) => c.id === id)!;
/** Every company write HubSpot received for one record id: the `licensync_customer_id` it carried. */
const companyWritesOf = (companyId: string) =>
  stack.fake
    .requests()
    .filter((r) =>
      /^POST \/crm\/v3\/objects\/(companies|0-2)\/batch\/(update|upsert)$/.test(`${r.method} ${r.path}`),
    )
    .flatMap((r) => (r.body as { inputs: { id: string; properties: Record<string, string> }[] }).inputs)
    .filter((input) => input.id === companyId)
    .map((input) => input.properties.licensync_customer_id);

describe('linking an existing HubSpot record by id (Stripe metadata)', () => {
  it('hubspot_contact_id and hubspot_company_id write and associate those records, creating none', async () => {
    // Different email and name than ours: only the id can match them.
    const contactId = await existingRecord('contacts', { email: 'ada.l@old-crm.example', firstname: 'A.' });
    const companyId = await existingRecord('companies', {
      name: 'Engines (CRM)',
      domain: 'crm-engines.example',
    });
    const contactsBefore = stack.fake.records('0-1').length;
    const companiesBefore = stack.fake.records('0-2').length;

    const { customers, licenses } = await customersWithLicenses(
      {
        email: 'ada@engines.example',
        name: 'Ada Lovelace',
        customerType: 'individual',
        metadata: { hubspot_contact_id: contactId, hubspot_company_id: companyId, company: 'Engines' },
      },
      {
        email: 'billing@babbage.example',
        name: 'Babbage Ltd',
        customerType: 'company',
        metadata: { hubspot_company_id: await existingRecord('companies', { name: 'Babbage (CRM)' }) },
      },
    );
    const [ada, babbage] = customers;

    expect(stack.fake.records('0-1')).toHaveLength(contactsBefore);
    expect(stack.fake.records('0-2')).toHaveLength(companiesBefore + 1); // Babbage's, made above
    const contact = stack.fake.records('0-1').find((c) => c.id === contactId)!;
    // Our properties land on the linked contact; its email stays HubSpot's (the id is the link).
    expect(contact.properties).toMatchObject({
      email: 'ada.l@old-crm.example',
      licensync_customer_id: ada!.id,
      licensync_billing_email: 'ada@engines.example',
    });
    expect(await linkOf(ada!.id, '0-1')).toBe(contactId);
    expect(await linkOf(ada!.id, '0-2')).toBe(companyId);
    expect(targetsOf(licenses[0]!)).toEqual([`0-1:${contactId}`, `0-2:${companyId}`].sort());
    expect(
      stack.fake
        .associations()
        .some((e) => e.fromObjectTypeId === '0-1' && e.fromId === contactId && e.toId === companyId),
    ).toBe(true);

    const babbageCompany = babbage!.metadata.hubspot_company_id!;
    expect(companyRecord(babbageCompany).properties).toMatchObject({ licensync_customer_id: babbage!.id });
    expect(targetsOf(licenses[1]!)).toEqual([`0-2:${babbageCompany}`]);
  });
});

describe('two customers sharing one HubSpot company', () => {
  it('the customer linked to it first owns its licensync properties; the later one is only associated', async () => {
    const company = (name: string, email: string): NewCustomer => ({
      email,
      name,
      customerType: 'company',
      metadata: { domain: 'shared-acme.example' },
    });
    const first = await customersWithLicenses(company('Acme Sales', 'sales@shared-acme.example'));
    const second = await customersWithLicenses(company('Acme Support', 'support@shared-acme.example'));
    const owner = first.customers[0]!;
    const sharer = second.customers[0]!;
    const companyId = (await linkOf(owner.id, '0-2'))!;
    expect(
      stack.fake.records('0-2').filter((c) => c.properties.domain === 'shared-acme.example'),
    ).toHaveLength(1);

    // Both change, in turns, several times: each sync would have flipped the company before.
    for (let round = 0; round < 3; round += 1) {
      for (const customer of [sharer, owner]) {
        await enqueueSyncIntent(stack.runtime.db, stack.workspaceId, 'customer', [customer.id]);
        await stack.settled();
        expect(companyRecord(companyId).properties).toMatchObject({
          name: 'Acme Sales',
          licensync_customer_id: owner.id,
          licensync_billing_email: 'sales@shared-acme.example',
        });
      }
    }
    // Not even for a moment: no write to the company ever carried the later customer's id.
    expect(companyWritesOf(companyId).length).toBeGreaterThan(0);
    expect(new Set(companyWritesOf(companyId))).toEqual(new Set([owner.id]));
    // The later customer's license still shows on the company.
    expect(targetsOf(second.licenses[0]!)).toEqual([`0-2:${companyId}`]);
  });

  it('two new customers of one company in the same batch make one company, owned by the older', async () => {
    const { customers, licenses } = await customersWithLicenses(
      {
        email: 'ops@twins.example',
        name: 'Twins Ops',
        customerType: 'company',
        metadata: { domain: 'twins.example' },
      },
      {
        email: 'it@twins.example',
        name: 'Twins IT',
        customerType: 'company',
        metadata: { domain: 'twins.example' },
      },
    );
    const companies = stack.fake.records('0-2').filter((c) => c.properties.domain === 'twins.example');
    expect(companies).toHaveLength(1);
    expect(companies[0]!.properties).toMatchObject({
      name: 'Twins Ops',
      licensync_customer_id: customers[0]!.id,
    });
    expect(new Set(companyWritesOf(companies[0]!.id))).toEqual(new Set([customers[0]!.id]));
    for (const license of licenses) expect(targetsOf(license)).toEqual([`0-2:${companies[0]!.id}`]);
  });
});
