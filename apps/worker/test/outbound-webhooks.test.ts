import { randomBytes } from 'node:crypto';
import { recordJobFailure } from '@licensync/core/failures';
import * as schema from '@licensync/core/schema';
import { createSecretBox, resealSecrets } from '@licensync/core/secrets';
import { emitOutboundEvent, purgeOutboundEvents } from '@licensync/core/webhooks';
import { eventually } from '@licensync/test-env';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';
import { startWebhookReceiver } from './support/start-webhook-receiver';

let stack: Stack;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let endpointId: string;
beforeAll(async () => {
  stack = await startStack({ env: { HUBSPOT_SYNC_POLL_MS: '100' } });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await stack.close();
  await receiver.close();
});

const ofType = (type: string) => receiver.received.filter((r) => r.body.type === type);

it('creates an endpoint whose secret is shown once and never listed', async () => {
  const created = await stack.call('POST', '/webhook_endpoints', {
    url: receiver.url,
    event_types: ['license.created', 'license.disabled', 'order.created'],
  });
  expect(created.status).toBe(201);
  expect(created.body.secret).toMatch(/^whsec_/);
  receiver.state.secret = created.body.secret;
  endpointId = created.body.id;
  const listed = await stack.call('GET', '/webhook_endpoints');
  expect(listed.body.data).toEqual([expect.objectContaining({ id: endpointId, url: receiver.url })]);
  expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  const bad = await stack.call('POST', '/webhook_endpoints', { url: 'ftp://x', event_types: ['nope'] });
  expect(bad.status).toBe(400);
});

it('Outbound webhook delivery with signature verification: a Stripe checkout sends license.created + order.created', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Acme Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
  const { events } = sim.checkout({
    customer_email: 'buyer@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 2 }],
  });
  await stack.deliver(events.filter((e) => e.type === 'checkout.session.completed'));
  await eventually(
    async () => ofType('license.created').length === 2 && ofType('order.created').length === 1,
  );

  const licenses = await stack.licenses();
  const [order] = ofType('order.created');
  expect(order!.verified).toBe(true);
  expect(order!.body).toMatchObject({ workspace: stack.workspaceId, data: { id: licenses[0]!.orderId } });
  for (const hook of ofType('license.created')) {
    expect(hook.verified).toBe(true);
    expect(hook.body.id).toMatch(/^evt_/);
    expect(typeof hook.body.created).toBe('number');
    expect(hook.body.data.order_id).toBe(order!.body.data.id);
  }
  expect(
    ofType('license.created')
      .map((h) => h.body.data.id)
      .sort(),
  ).toEqual(licenses.map((l) => l.id).sort());
  // A wrong secret does not verify: the check is real.
  const right = receiver.state.secret;
  receiver.state.secret = 'whsec_wrong';
  const before = receiver.received.length;
  await stack.call('POST', `/licenses/${licenses[1]!.id}/disable`, { reason: 'probe' });
  await eventually(async () => receiver.received.length > before);
  expect(receiver.received.at(-1)!.verified).toBe(false);
  receiver.state.secret = right;
});

it('retries a 500 until a 200, logs both attempts, and replays the same event id', async () => {
  const [license] = await stack.licenses();
  let failedOnce = false;
  receiver.state.answer = (body) => {
    if (body.type !== 'license.disabled' || body.data.id !== license!.id || failedOnce) return 200;
    failedOnce = true;
    return 500;
  };
  const disabled = await stack.call('POST', `/licenses/${license!.id}/disable`, { reason: 'chargeback' });
  expect(disabled.status).toBe(200);
  const mine = () => ofType('license.disabled').filter((h) => h.body.data.id === license!.id);
  await eventually(async () => mine().length === 2, 15_000);
  const [first, second] = mine();
  expect([first!.status, second!.status]).toEqual([500, 200]);
  expect(second!.body.id).toBe(first!.body.id);
  expect(second!.verified).toBe(true);
  expect(second!.body.data).toMatchObject({ enabled: false, disabled_reason: 'chargeback' });

  const eventId = first!.body.id;
  const log = await eventually(async () => {
    const res = await stack.call('GET', `/webhook_endpoints/${endpointId}/deliveries`);
    const rows = res.body.data.filter((d: { event_id: string }) => d.event_id === eventId);
    return rows.length === 2 ? rows : undefined;
  });
  expect(log.map((d: { attempt: number; status_code: number }) => [d.attempt, d.status_code])).toEqual([
    [2, 200],
    [1, 500],
  ]);
  expect(log[1].error).toBe('HTTP 500');
  expect(log[0].duration_ms).toBeGreaterThanOrEqual(0);

  const replay = await stack.call('POST', `/webhook_deliveries/${log[0].id}/replay`);
  expect(replay.status).toBe(202);
  await eventually(async () => mine().length === 3);
  expect(mine()[2]!.body.id).toBe(eventId);
  expect(mine()[2]!.verified).toBe(true);
  const after = await stack.call('GET', `/webhook_endpoints/${endpointId}/deliveries`);
  expect(after.body.data.filter((d: { event_id: string }) => d.event_id === eventId)[0].attempt).toBe(3);

  expect((await stack.call('POST', '/webhook_deliveries/999999/replay')).status).toBe(404);
  expect((await stack.call('GET', '/webhook_endpoints/not-a-uuid/deliveries')).status).toBe(404);
});

it("keeps one workspace's endpoints and deliveries out of another's reach", async () => {
  const b = await stack.call('POST', '/workspaces', { slug: 'ws-b', name: 'Workspace B' });
  expect(b.status).toBe(201);
  const asB = { 'licensync-workspace': 'ws-b' };
  const [delivery] = (await stack.call('GET', `/webhook_endpoints/${endpointId}/deliveries`)).body.data;
  expect((await stack.call('GET', '/webhook_endpoints', undefined, asB)).body.data).toEqual([]);
  const theirs = await stack.call('GET', `/webhook_endpoints/${endpointId}/deliveries`, undefined, asB);
  expect(theirs.body.data).toEqual([]);
  expect((await stack.call('POST', `/webhook_deliveries/${delivery.id}/replay`, undefined, asB)).status).toBe(
    404,
  );
  expect((await stack.call('DELETE', `/webhook_endpoints/${endpointId}`, undefined, asB)).status).toBe(404);
  expect((await stack.call('GET', '/webhook_endpoints')).body.data).toHaveLength(1);
});

it('sends only subscribed types, and nothing once the endpoint is deleted', async () => {
  const [license] = await stack.licenses();
  const before = receiver.received.length;
  await stack.call('POST', `/licenses/${license!.id}/enable`);
  // license.updated is not subscribed; a later subscribed event proves the poller ran past it.
  await stack.call('POST', `/licenses/${license!.id}/disable`, { reason: 'again' });
  await eventually(async () => receiver.received.length > before);
  expect(receiver.received.slice(before).map((r) => r.body.type)).toEqual(['license.disabled']);
  expect((await stack.call('DELETE', `/webhook_endpoints/${endpointId}`)).status).toBe(200);
  expect((await stack.call('DELETE', `/webhook_endpoints/${endpointId}`)).status).toBe(404);
});

it('an endpoint without a type list receives failure.created when a job fails for good', async () => {
  const created = await stack.call('POST', '/webhook_endpoints', { url: receiver.url });
  expect(created.body.event_types).toEqual([]);
  receiver.state.secret = created.body.secret;
  const failureId = await recordJobFailure(stack.api.db, {
    workspaceId: stack.workspaceId,
    queue: 'inbox-events',
    jobName: 'process-inbox-event',
    jobId: 'inbox-1-0',
    eventId: 'evt_stripe_1',
    eventType: 'price.updated',
    attempts: 3,
    errors: [{ attempt: 1, at: new Date().toISOString(), message: 'price has a broken attribute' }],
    payload: null,
  });
  const [hook] = await eventually(async () => {
    const hooks = ofType('failure.created');
    return hooks.length > 0 ? hooks : undefined;
  });
  expect(hook!.verified).toBe(true);
  expect(hook!.body.data).toMatchObject({ id: failureId, last_error: 'price has a broken attribute' });
});

it('endpoint secrets are stored sealed and follow a key rotation', async () => {
  const [row] = await stack.api.db.select().from(schema.webhookEndpoints);
  expect(row!.secret).toMatch(/^enc:v1:/);
  expect(row!.secret).not.toContain(receiver.state.secret);
  const newKey = randomBytes(32).toString('base64');
  const rotated = createSecretBox({ key: newKey, oldKeys: [stack.env.config.ENCRYPTION_KEY] });
  expect(await resealSecrets(stack.api.db, rotated)).toBeGreaterThanOrEqual(1);
  const [after] = await stack.api.db.select().from(schema.webhookEndpoints);
  expect(createSecretBox({ key: newKey }).open(after!.secret)).toBe(receiver.state.secret);
});

it('old dispatched events go with their delivery log; recent ones stay', async () => {
  const { db, workspaceId } = stack.api;
  await db.execute(sql`update outbound_events set created_at = now() - interval '40 days'`);
  expect((await db.select().from(schema.webhookDeliveries)).length).toBeGreaterThan(0);
  // Written as already dispatched, so the live poller leaves it alone.
  const recent = await emitOutboundEvent(db, workspaceId, 'order.created', { id: 'recent' });
  await db.execute(sql`update outbound_events set status = 'dispatched' where id = ${recent}`);
  const purged = await purgeOutboundEvents(db, {
    olderThanMs: 30 * 86_400_000,
    batchSize: 2,
    maxBatches: 1000,
  });
  expect(purged).toBeGreaterThan(2);
  expect((await db.select().from(schema.outboundEvents)).map((e) => e.id)).toEqual([recent]);
  expect(await db.select().from(schema.webhookDeliveries)).toEqual([]);
});
