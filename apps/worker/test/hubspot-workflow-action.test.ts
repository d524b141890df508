import * as schema from '@licensync/core/schema';
import { postWorkflowAction } from '@licensync/fakes/hubspot';
import { eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotAppStack, startHubspotAppStack, workflowExecution } from './support/hubspot-app-stack';

const ACTION = '/hubspot/workflow/create-license';
let app: HubspotAppStack;
const execution = (opts: Parameters<typeof workflowExecution>[1]) => workflowExecution(app, opts);

beforeAll(async () => {
  app = await startHubspotAppStack();
});
afterAll(() => app.stack.close());

const db = () => app.stack.runtime.db;
const workflowOrders = () =>
  db().select().from(schema.orders).where(eq(schema.orders.sourceKind, 'workflow'));

describe('the "Create License" workflow action', () => {
  it('retried three times with the same callback id creates one order and answers the same licenses', async () => {
    const body = execution({
      callbackId: 'ap-12345678-1001-7-0',
      properties: { email: 'trial@signups.test', firstname: 'Tria', lastname: 'Lee', company: '' },
      inputFields: { quantity: '2' },
    });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await postWorkflowAction(app.caller, ACTION, body));
    for (const a of answers) expect(a.status).toBe(200);
    const fields = answers.map((a) => a.body.outputFields);
    expect(fields[0]).toMatchObject({ hs_execution_state: 'SUCCESS' });
    expect(fields[0].license_ids.split(',')).toHaveLength(2);
    expect(fields[0].license_keys).toMatch(/^[A-Z2-9-]+,[A-Z2-9-]+$/);
    expect(fields[1]).toEqual(fields[0]);
    expect(fields[2]).toEqual(fields[0]);

    const orders = await workflowOrders();
    expect(orders).toHaveLength(1);
    const licenses = await db()
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.orderId, orders[0]!.id));
    expect(licenses.map((l) => l.id).sort()).toEqual(fields[0].license_ids.split(',').sort());
    const [customer] = await db()
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.email, 'trial@signups.test'));
    expect(customer?.name).toBe('Tria Lee');

    // Like any other order, its licenses reach HubSpot's license objects.
    await app.stack.settled();
    const licenseType = (await app.stack.objectTypeIds()).licenses!;
    const keys = app.stack.fake.records(licenseType).map((r) => r.properties.licensync_license_id);
    expect(keys).toEqual(expect.arrayContaining(fields[0].license_ids.split(',')));
  });

  it("makes an enrolled contact's new customer an individual, whatever the workspace's default object", async () => {
    const ws = eq(schema.workspaces.id, app.stack.workspaceId);
    const [workspace] = await db().select().from(schema.workspaces).where(ws);
    await db()
      .update(schema.workspaces)
      .set({ settings: { ...workspace!.settings, hubspotDefaultObject: 'company' } })
      .where(ws);
    try {
      const body = execution({
        callbackId: 'ap-12345678-1002-7-0',
        properties: { email: 'typed@signups.test', firstname: 'Ty', lastname: 'Ped', company: '' },
      });
      const answer = await postWorkflowAction(app.caller, ACTION, body);
      expect(answer.body.outputFields).toMatchObject({ hs_execution_state: 'SUCCESS' });
      const [customer] = await db()
        .select()
        .from(schema.customers)
        .where(eq(schema.customers.email, 'typed@signups.test'));
      expect(customer?.customerType).toBe('individual');
    } finally {
      await db().update(schema.workspaces).set({ settings: workspace!.settings }).where(ws);
    }
  });

  it('on a deal without a customer email, answers BLOCK and completes HubSpot’s callback once the worker read the deal’s contact', async () => {
    const contact = await app.sdk.crm.contacts.basicApi.create({
      properties: { email: 'buyer@deal.test', firstname: 'Dee', lastname: 'Buyer', phone: '+49 30 1234' },
      associations: [],
    });
    const deal = await app.sdk.crm.deals.basicApi.create({
      properties: { dealname: 'Big deal' },
      associations: [],
    });
    await app.sdk.crm.associations.v4.basicApi.createDefault('deals', deal.id, 'contacts', contact.id);
    const callbackId = 'ap-12345678-2002-7-0';
    const body = execution({
      callbackId,
      objectType: 'DEAL',
      objectId: deal.id,
      inputFields: { policy: 'forever' },
    });

    // HubSpot retries a request it got no answer to: the same execution three times.
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await postWorkflowAction(app.caller, ACTION, body));
    for (const a of answers) expect(a.body).toEqual({ outputFields: { hs_execution_state: 'BLOCK' } });

    const [done] = await eventually(async () => {
      const c = app.stack.fake.callbackCompletions().filter((x) => x.callbackId === callbackId);
      return c.length > 0 ? c : undefined;
    }, 15_000);
    expect(done!.outputFields).toMatchObject({ hs_execution_state: 'SUCCESS' });
    const ids = done!.outputFields.license_ids!.split(',');
    expect(ids).toHaveLength(1);

    const orders = (await workflowOrders()).filter((o) => o.hubspotDealId === deal.id);
    expect(orders).toHaveLength(1);
    const [license] = await db().select().from(schema.licenses).where(eq(schema.licenses.id, ids[0]!));
    expect(license).toMatchObject({ licenseType: 'perpetual', licenseKey: done!.outputFields.license_keys });
    const [customer] = await db()
      .select()
      .from(schema.customers)
      .where(eq(schema.customers.id, license!.customerId));
    expect(customer).toMatchObject({
      email: 'buyer@deal.test',
      name: 'Dee Buyer',
      metadata: { phone: '+49 30 1234' },
    });

    // The license taken from the deal is associated with it in HubSpot, through the outbox.
    await app.stack.settled();
    const licenseType = (await app.stack.objectTypeIds()).licenses!;
    const record = app.stack.fake
      .records(licenseType)
      .find((r) => r.properties.licensync_license_id === ids[0]);
    expect(record).toBeDefined();
    const edges = app.stack.fake
      .associations()
      .filter(
        (e) => e.fromObjectTypeId === licenseType && e.fromId === record!.id && e.toObjectTypeId === '0-3',
      );
    expect(edges.map((e) => e.toId)).toEqual([deal.id]);
    expect(app.stack.fake.callbackCompletions().filter((x) => x.callbackId === callbackId)).toHaveLength(1);
  });

  it('completes the callback again after HubSpot lost the first completion, with the same licenses and one order', async () => {
    const contact = await app.sdk.crm.contacts.basicApi.create({
      properties: { email: 'retry@deal.test' },
      associations: [],
    });
    const deal = await app.sdk.crm.deals.basicApi.create({
      properties: { dealname: 'Flaky' },
      associations: [],
    });
    await app.sdk.crm.associations.v4.basicApi.createDefault('deals', deal.id, 'contacts', contact.id);
    const callbackId = 'ap-12345678-2003-7-0';
    // The first completion lands in HubSpot but its answer is lost; the second is refused outright.
    app.stack.fake.failNext(1, { path: /callbacks/, afterWrite: true });
    app.stack.fake.failNext(1, { path: /callbacks/ });
    const answer = await postWorkflowAction(
      app.caller,
      ACTION,
      execution({ callbackId, objectType: 'DEAL', objectId: deal.id }),
    );
    expect(answer.body.outputFields.hs_execution_state).toBe('BLOCK');
    const done = await eventually(async () => {
      const c = app.stack.fake.callbackCompletions().filter((x) => x.callbackId === callbackId);
      return c.length >= 2 ? c : undefined;
    }, 15_000);
    expect(new Set(done.map((c) => c.outputFields.license_ids)).size).toBe(1);
    expect((await workflowOrders()).filter((o) => o.hubspotDealId === deal.id)).toHaveLength(1);
  });

  it('completes the callback with FAIL_CONTINUE and the reason when the deal has no contact to license', async () => {
    const deal = await app.sdk.crm.deals.basicApi.create({
      properties: { dealname: 'Lonely' },
      associations: [],
    });
    const callbackId = 'ap-12345678-3003-7-0';
    const answer = await postWorkflowAction(
      app.caller,
      ACTION,
      execution({ callbackId, objectType: 'DEAL', objectId: deal.id }),
    );
    expect(answer.body.outputFields.hs_execution_state).toBe('BLOCK');
    const [done] = await eventually(async () => {
      const c = app.stack.fake.callbackCompletions().filter((x) => x.callbackId === callbackId);
      return c.length > 0 ? c : undefined;
    }, 15_000);
    expect(done!.outputFields).toMatchObject({
      hs_execution_state: 'FAIL_CONTINUE',
      error_code: 'order_refused',
    });
    expect(done!.outputFields.error_message).toMatch(/no customer email/);
    expect((await workflowOrders()).some((o) => o.hubspotDealId === deal.id)).toBe(false);
  });

  it('answers FAIL_CONTINUE with the ledger’s reason, and takes no order, when the catalog refuses it', async () => {
    const before = (await workflowOrders()).length;
    const unknown = await postWorkflowAction(
      app.caller,
      ACTION,
      execution({
        callbackId: 'ap-12345678-4004-7-0',
        properties: { email: 'x@signups.test' },
        inputFields: { product: 'nope' },
      }),
    );
    expect(unknown.status).toBe(200);
    expect(unknown.body.outputFields).toMatchObject({
      hs_execution_state: 'FAIL_CONTINUE',
      error_code: 'order_refused',
    });
    expect(unknown.body.outputFields.error_message).toMatch(/nope/);
    const noName = await postWorkflowAction(
      app.caller,
      ACTION,
      execution({
        callbackId: 'ap-12345678-4005-7-0',
        objectType: 'COMPANY',
        properties: { name: '' },
        inputFields: { email: 'y@co.test', company: '' },
      }),
    );
    // The company's name comes from HubSpot: the worker reads it, finds none, and says so.
    expect(noName.body.outputFields.hs_execution_state).toBe('BLOCK');
    expect((await workflowOrders()).length).toBe(before);
  });
});
