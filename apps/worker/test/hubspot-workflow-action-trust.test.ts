import * as schema from '@licensync/core/schema';
import { postWorkflowAction, signHubspotRequest } from '@licensync/fakes/hubspot';
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

const workflowOrders = () =>
  app.stack.runtime.db.select().from(schema.orders).where(eq(schema.orders.sourceKind, 'workflow'));

describe('the workflow action’s trust and options', () => {
  it('accepts the v2 signature alone, and refuses a wrong secret, a tampered body, a stale v3 and another portal', async () => {
    const body = (callbackId: string, portalId?: number) =>
      execution({ callbackId, portalId, properties: { email: 'v2@signups.test' } });
    const v2 = await postWorkflowAction(app.caller, ACTION, body('ap-12345678-5001-7-0'), {
      versions: ['v2'],
    });
    expect(v2.body.outputFields.hs_execution_state).toBe('SUCCESS');

    const before = (await workflowOrders()).length;
    const wrong = await postWorkflowAction(app.caller, ACTION, body('ap-12345678-5002-7-0'), {
      signWith: { clientSecret: 'not-the-secret' },
    });
    expect(wrong.status).toBe(401);
    const stale = await postWorkflowAction(app.caller, ACTION, body('ap-12345678-5003-7-0'), {
      versions: ['v3'],
      signWith: { timestamp: Date.now() - 6 * 60_000 },
    });
    expect(stale.status).toBe(401);
    const tampered = await fetch(`${app.caller.apiUrl}${ACTION}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedHeaders(JSON.stringify(body('ap-12345678-5004-7-0'))),
      },
      body: JSON.stringify({
        ...body('ap-12345678-5004-7-0'),
        inputFields: { product: 'pro', quantity: '50' },
      }),
    });
    expect(tampered.status).toBe(401);
    const otherPortal = await postWorkflowAction(app.caller, ACTION, body('ap-999-5005-7-0', 999));
    expect(otherPortal.status).toBe(404);
    expect((await workflowOrders()).length).toBe(before);
  });

  it('offers the products, and the policies of the chosen product, as HubSpot’s options fetch expects', async () => {
    const origin = { portalId: app.portalId, actionDefinitionId: 10646377, actionDefinitionVersion: 1 };
    const products = await postWorkflowAction(app.caller, '/hubspot/workflow/options/products', {
      origin,
      objectTypeId: '0-1',
      inputFieldName: 'product',
      inputFields: {},
      fetchOptions: { q: 'pr' },
    });
    expect(products.body).toEqual({
      options: [{ label: 'Pro', value: 'pro', description: 'pro' }],
      searchable: true,
    });
    const policies = await postWorkflowAction(app.caller, '/hubspot/workflow/options/policies', {
      origin,
      objectTypeId: '0-1',
      inputFieldName: 'policy',
      inputFields: { product: { type: 'STATIC_VALUE', value: 'pro' } },
    });
    expect(policies.body.options).toEqual([
      { label: 'Annual', value: 'annual', description: 'time-limited (default)' },
      { label: 'Forever', value: 'forever', description: 'perpetual' },
    ]);
    const none = await postWorkflowAction(app.caller, '/hubspot/workflow/options/policies', {
      origin,
      inputFields: {},
    });
    expect(none.body.options).toEqual([]);
  });
});

function signedHeaders(body: string) {
  return signHubspotRequest({
    method: 'POST',
    url: `${app.caller.publicUrl}${ACTION}`,
    body,
    clientSecret: app.caller.clientSecret,
    versions: ['v2', 'v3'],
  });
}
