import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor } from './test-fixtures';

const fake = await createFakeHubspot();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('workflow-action callbacks', () => {
  it('records a completion sent with the SDK, per portal', async () => {
    const client = clientFor(fake);
    await client.automation.actions.callbacksApi.complete('ap-1-2-3-0', {
      outputFields: { hs_execution_state: 'SUCCESS', license_keys: 'AAAA-BBBB' },
    });
    expect(fake.callbackCompletions()).toEqual([
      {
        callbackId: 'ap-1-2-3-0',
        outputFields: { hs_execution_state: 'SUCCESS', license_keys: 'AAAA-BBBB' },
        completedAt: expect.any(Date),
      },
    ]);
    fake.addPortal({ portalId: 777, token: 'other' });
    expect(fake.callbackCompletions(777)).toEqual([]);
  });

  it('records each input of a batch completion', async () => {
    await clientFor(fake).automation.actions.callbacksApi.completeBatch({
      inputs: [
        { callbackId: 'a', outputFields: { hs_execution_state: 'SUCCESS' } },
        { callbackId: 'b', outputFields: { hs_execution_state: 'FAIL_CONTINUE' } },
      ],
    });
    expect(fake.callbackCompletions().map((c) => c.callbackId)).toEqual(['a', 'b']);
  });

  it('refuses a state a callback cannot end in, and an unauthenticated call, recording nothing', async () => {
    const client = clientFor(fake);
    await expect(
      client.automation.actions.callbacksApi.complete('x', { outputFields: { hs_execution_state: 'BLOCK' } }),
    ).rejects.toMatchObject({ code: 400 });
    const res = await fetch(`${fake.url}/automation/v4/actions/callbacks/x/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outputFields: {} }),
    });
    expect(res.status).toBe(401);
    expect(fake.callbackCompletions()).toEqual([]);
  });
});
