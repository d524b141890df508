import * as schema from '@licensync/core/schema';
import { updateWorkspaceSettings } from '@licensync/core/workspaces';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMirrorCustomer } from '../src/stripe-events/mirror-customer.handler';
import type { HandlerContext } from '../src/stripe-events/stripe-event-handler';
import { seedLicenses, seedProduct } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

// Stripe customers as our stub answers them: the type comes from metadata `customer_type`.
const stripeCustomers: Record<string, Record<string, unknown>> = {
  cus_person: {
    email: 'ada@engines.example',
    name: 'Ada Lovelace',
    metadata: { customer_type: 'individual' },
  },
  cus_company: { email: 'billing@acme.example', name: 'Acme GmbH', metadata: { customer_type: 'company' } },
  cus_unsaid: { email: 'grace@navy.example', name: 'Grace Hopper', metadata: {} },
  cus_unsaid_later: { email: 'solo@studio.example', name: 'Solo Studio', metadata: {} },
};
const stripe = {
  customers: {
    retrieve: async (id: string) => ({
      id,
      object: 'customer',
      tax_ids: { data: [] },
      ...stripeCustomers[id],
    }),
  },
} as unknown as Stripe;

let stack: HubspotStack;
let ctx: HandlerContext;
let licenseType: string;
let productId: string;
let mirrored = 0;

beforeAll(async () => {
  stack = await startHubspotStack();
  ctx = {
    db: stack.runtime.db,
    stripe,
    logger: stack.env.logger,
    workspaceId: stack.workspaceId,
    inboxEventId: 0,
  };
  licenseType = (await stack.objectTypeIds()).licenses!;
  productId = await seedProduct(stack.runtime.db, stack.workspaceId);
});
afterAll(() => stack.close());

/** Mirrors the Stripe customer, gives it a license, and answers where both landed in HubSpot. */
async function mirror(stripeCustomerId: string) {
  await runMirrorCustomer(
    {
      id: `evt_${stripeCustomerId}`,
      type: 'customer.created',
      created: 100,
      data: { object: { id: stripeCustomerId } },
    } as never,
    ctx,
  );
  const [customer] = await stack.runtime.db
    .select()
    .from(schema.customers)
    .where(
      and(
        eq(schema.customers.workspaceId, stack.workspaceId),
        eq(schema.customers.stripeCustomerId, stripeCustomerId),
      ),
    );
  mirrored += 1;
  const [licenseId] = await seedLicenses(stack.runtime.db, stack.workspaceId, {
    productId,
    customerIds: [customer!.id],
    n: 1,
    tag: `${stripeCustomerId}-${mirrored}`,
  });
  await stack.settled();
  const contacts = stack.fake
    .records('0-1')
    .filter((c) => c.properties.licensync_customer_id === customer!.id);
  const companies = stack.fake
    .records('0-2')
    .filter((c) => c.properties.licensync_customer_id === customer!.id);
  const license = stack.fake
    .records(licenseType)
    .find((r) => r.properties.licensync_license_id === licenseId)!;
  const licenseTargets = stack.fake
    .associations()
    .filter((e) => e.fromObjectTypeId === licenseType && e.fromId === license.id)
    .map((e) => `${e.toObjectTypeId}:${e.toId}`);
  return { customer: customer!, contacts, companies, licenseTargets };
}

describe('which HubSpot record a customer becomes', () => {
  it('an individual becomes a contact, and only a contact', async () => {
    const { customer, contacts, companies, licenseTargets } = await mirror('cus_person');
    expect(customer.customerType).toBe('individual');
    expect(contacts.map((c) => c.properties.email)).toEqual(['ada@engines.example']);
    expect(companies).toHaveLength(0);
    expect(licenseTargets).toEqual([`0-1:${contacts[0]!.id}`]);
  });

  it('a company becomes a company, and no contact', async () => {
    const { customer, contacts, companies, licenseTargets } = await mirror('cus_company');
    expect(customer.customerType).toBe('company');
    expect(contacts).toHaveLength(0);
    expect(stack.fake.records('0-1').some((c) => c.properties.email === 'billing@acme.example')).toBe(false);
    expect(companies.map((c) => c.properties)).toMatchObject([
      { name: 'Acme GmbH', domain: 'acme.example', licensync_billing_email: 'billing@acme.example' },
    ]);
    expect(licenseTargets).toEqual([`0-2:${companies[0]!.id}`]);
  });

  it("an undefined type takes the workspace's default object: contact, then company once changed", async () => {
    const unsaid = await mirror('cus_unsaid');
    expect(unsaid.customer.customerType).toBeNull();
    expect(unsaid.contacts).toHaveLength(1);
    expect(unsaid.companies).toHaveLength(0);

    await updateWorkspaceSettings({
      db: stack.runtime.db,
      workspaceId: stack.workspaceId,
      patch: { hubspotDefaultObject: 'company' },
      actor: 'test',
      defaultResyncCron: stack.env.config.RESYNC_CRON,
    });
    const later = await mirror('cus_unsaid_later');
    expect(later.customer.customerType).toBeNull();
    expect(later.contacts).toHaveLength(0);
    expect(later.companies.map((c) => c.properties.name)).toEqual(['Solo Studio']);
    expect(later.licenseTargets).toEqual([`0-2:${later.companies[0]!.id}`]);
    // The default never overrides a declared type.
    const person = await mirror('cus_person');
    expect(person.contacts).toHaveLength(1);
    expect(person.companies).toHaveLength(0);
  });
});
