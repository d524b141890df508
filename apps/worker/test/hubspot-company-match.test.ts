import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
beforeAll(async () => {
  stack = await startHubspotStack();
});
afterAll(() => stack.close());

/** A company sales created in HubSpot before licensync knew the customer. */
async function existingCompany(properties: Record<string, string>): Promise<string> {
  const res = await fetch(`${stack.fake.url}/crm/v3/objects/companies`, {
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

async function companyCustomer(name: string, email: string, metadata: Record<string, string> = {}) {
  const db = stack.runtime.db;
  const [row] = await db
    .insert(schema.customers)
    .values({ workspaceId: stack.workspaceId, email, name, customerType: 'company', metadata })
    .returning();
  await enqueueSyncIntent(db, stack.workspaceId, 'customer', [row!.id]);
  await stack.settled();
  const [link] = await db
    .select()
    .from(schema.externalLinks)
    .where(and(eq(schema.externalLinks.entityId, row!.id), eq(schema.externalLinks.externalType, '0-2')));
  return link?.externalId;
}

it('adopts the company sales already has: by domain, or by exact name when there is no domain', async () => {
  const byDomain = await existingCompany({ name: 'Acme Industries', domain: 'acme-industries.test' });
  const byName = await existingCompany({ name: 'Tiny Studio' });

  expect(await companyCustomer('Acme', 'ops@acme-industries.test', { domain: 'acme-industries.test' })).toBe(
    byDomain,
  );
  expect(await companyCustomer('Tiny Studio', 'founder@webmail.test')).toBe(byName);
  // A company nobody created yet is created, not matched to another.
  const created = await companyCustomer('Brand New Ltd', 'hi@webmail.test');
  expect(created).toBeDefined();
  expect([byDomain, byName]).not.toContain(created);
  expect(stack.fake.records('0-2')).toHaveLength(3);
});
