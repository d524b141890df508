import { detachRecordLink, writeRecordLink } from '@licensync/core/customers';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;

beforeAll(async () => {
  stack = await startHubspotStack();
});
afterAll(() => stack.close());

const linkOf = async (customerId: string, type: '0-1' | '0-2') => {
  const [link] = await stack.runtime.db
    .select()
    .from(schema.externalLinks)
    .where(
      and(
        eq(schema.externalLinks.entityKind, 'customer'),
        eq(schema.externalLinks.entityId, customerId),
        eq(schema.externalLinks.externalType, type),
      ),
    );
  return link?.externalId;
};

async function syncCustomer(customerId: string) {
  await enqueueSyncIntent(stack.runtime.db, stack.workspaceId, 'customer', [customerId]);
  await stack.settled();
}

/** Batch writes HubSpot received for one record, by its id or by its upsert key (a contact's email). */
const writesTo = (objectType: 'contacts' | 'companies', ...ids: string[]) =>
  stack.fake
    .requests()
    .filter((r) =>
      new RegExp(`^POST /crm/v3/objects/(${objectType}|0-[12])/batch/(update|upsert)$`).test(
        `${r.method} ${r.path}`,
      ),
    )
    .flatMap((r) => (r.body as { inputs: { id: string }[] }).inputs)
    .filter((input) => ids.includes(input.id)).length;

async function newCustomer(
  values: Pick<typeof schema.customers.$inferInsert, 'email' | 'name' | 'customerType' | 'metadata'>,
) {
  const [row] = await stack.runtime.db
    .insert(schema.customers)
    .values({ workspaceId: stack.workspaceId, ...values })
    .returning();
  return row!;
}

describe('a record a rep disconnected', () => {
  it('a contact stays disconnected through the next syncs; connecting it again links it back', async () => {
    const db = stack.runtime.db;
    const ada = await newCustomer({
      email: 'ada@detach.example',
      name: 'Ada D',
      customerType: 'individual',
      metadata: {},
    });
    await syncCustomer(ada.id);
    const contactId = (await linkOf(ada.id, '0-1'))!;
    expect(contactId).toBeDefined();

    expect(await db.transaction((tx) => detachRecordLink(tx, stack.workspaceId, 'contact', contactId))).toBe(
      true,
    );
    const writesBefore = writesTo('contacts', contactId, 'ada@detach.example');
    await db.update(schema.customers).set({ name: 'Ada Detached' }).where(eq(schema.customers.id, ada.id));
    await syncCustomer(ada.id);
    await syncCustomer(ada.id);

    // Not matched by email again, and nothing written to the contact the rep let go.
    expect(await linkOf(ada.id, '0-1')).toBeUndefined();
    expect(writesTo('contacts', contactId, 'ada@detach.example')).toBe(writesBefore);
    expect(stack.fake.records('0-1').filter((c) => c.properties.email === 'ada@detach.example')).toHaveLength(
      1,
    );

    await db.transaction((tx) =>
      writeRecordLink(tx, {
        workspaceId: stack.workspaceId,
        type: 'contact',
        objectId: contactId,
        customerId: ada.id,
      }),
    );
    await syncCustomer(ada.id);
    expect(await linkOf(ada.id, '0-1')).toBe(contactId);
    expect(writesTo('contacts', contactId, 'ada@detach.example')).toBeGreaterThan(writesBefore);
  });

  it('a company is not found again by its domain', async () => {
    const db = stack.runtime.db;
    const acme = await newCustomer({
      email: 'billing@detach-acme.example',
      name: 'Detach Acme',
      customerType: 'company',
      metadata: { domain: 'detach-acme.example' },
    });
    await syncCustomer(acme.id);
    const companyId = (await linkOf(acme.id, '0-2'))!;
    expect(companyId).toBeDefined();

    expect(await db.transaction((tx) => detachRecordLink(tx, stack.workspaceId, 'company', companyId))).toBe(
      true,
    );
    const writesBefore = writesTo('companies', companyId);
    await syncCustomer(acme.id);

    expect(await linkOf(acme.id, '0-2')).toBeUndefined();
    expect(writesTo('companies', companyId)).toBe(writesBefore);
    // The marker is no connection: the card still says "not connected".
    expect(await db.transaction((tx) => detachRecordLink(tx, stack.workspaceId, 'company', companyId))).toBe(
      false,
    );
  });
});
