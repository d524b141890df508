import { randomBytes } from 'node:crypto';
import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { getHubspotConnection } from '@licensync/hubspot';
import { eventually } from '@licensync/test-env';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisCluster, startRedisCluster } from './support/start-redis-cluster';
import { type Stack, startStack } from './support/start-stack';

// A random base port so two runs on one machine rarely collide (each node also takes port + 10000).
const BASE_PORT = 7100 + Math.floor(Math.random() * 80) * 10;
const PREFIX = `{t${randomBytes(4).toString('hex')}}`;

let cluster: RedisCluster;
let hubspot: FakeHubspot;
let stack: Stack;
beforeAll(async () => {
  cluster = await startRedisCluster(BASE_PORT);
  hubspot = await createFakeHubspot();
  stack = await startStack({
    env: {
      REDIS_CLUSTER_NODES: cluster.nodes,
      QUEUE_PREFIX: PREFIX,
      HUBSPOT_API_BASE: hubspot.url,
      HUBSPOT_ACCESS_TOKEN: hubspot.defaultPortal.token,
      HUBSPOT_SYNC_POLL_MS: '100',
    },
  });
}, 90_000);
afterAll(async () => {
  await stack?.close();
  await hubspot?.close();
  await cluster?.stop();
});

/** Every key on every master, with its hash slot. */
async function clusterKeys(): Promise<{ key: string; slot: number }[]> {
  const out: { key: string; slot: number }[] = [];
  for (const port of cluster.ports) {
    const node = new Redis({ port, host: '127.0.0.1' });
    try {
      for (const key of await node.keys('*'))
        out.push({ key, slot: Number(await node.cluster('KEYSLOT', key)) });
    } finally {
      node.disconnect();
    }
  }
  return out;
}

it('runs the checkout flow end to end on a 3-master Redis Cluster: webhook → inbox → worker → licenses → HubSpot', async () => {
  const { sim } = stack.fake;
  const product = sim.createProduct({ name: 'Acme Pro', metadata: { short_code: 'pro' } }).product;
  const price = sim.createPrice({ product: product.id, unit_amount: 9900 }).price;
  const { events, session } = sim.checkout({
    customer_email: 'cluster@example.com',
    mode: 'payment',
    lineItems: [{ price: price.id, quantity: 3 }],
  });
  const completed = events.filter((e) => e.type === 'checkout.session.completed');

  const [res] = await stack.deliver(completed);
  expect(await res!.json()).toEqual({ received: true });
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('processed');
  const licenses = await stack.licenses();
  expect(licenses).toHaveLength(3);
  expect(licenses.every((l) => l.stripeCheckoutSessionId === session.id && l.enabled)).toBe(true);

  // The hubspot-sync queue and the per-portal rate limiter ran through the cluster too.
  const licenseType = await eventually(
    async () => (await getHubspotConnection(stack.api.db, stack.workspaceId))?.objectTypeIds.licenses,
    20_000,
  );
  const synced = await eventually(async () => {
    const records = hubspot.records(licenseType);
    return records.length === 3 ? records : undefined;
  }, 30_000);
  expect(synced.map((r) => r.properties.licensync_license_id).sort()).toEqual(
    licenses.map((l) => l.id).sort(),
  );

  // And the resyncs queue: a reconcile runs to the end.
  const started = await stack.call('POST', '/resyncs', { kind: 'stripe-reconcile' });
  expect(started.status).toBe(202);
  const run = await eventually(async () => {
    const { body } = await stack.call('GET', `/resyncs/${started.body.id}`);
    return body.status === 'succeeded' || body.status === 'failed' ? body : undefined;
  }, 30_000);
  expect(run.status).toBe('succeeded');

  // Every key carries the hash tag, so each queue's multi-key scripts stay in one slot.
  const keys = await clusterKeys();
  expect(keys.some((k) => k.key.includes(':inbox-events:'))).toBe(true);
  expect(keys.some((k) => k.key.includes(':hubspot-sync:'))).toBe(true);
  expect(keys.some((k) => k.key.includes(':resyncs:'))).toBe(true);
  expect(keys.some((k) => k.key.includes(':hubspot-rate:'))).toBe(true);
  expect(keys.every((k) => k.key.startsWith(`${PREFIX}:`))).toBe(true);
  expect(new Set(keys.map((k) => k.slot)).size).toBe(1);
});
