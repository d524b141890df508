/**
 * Latency of every endpoint HubSpot calls (the app cards, the deal card, the workflow action)
 * while the portal is paused — its rate limiter holds every call back, as after a 429 — and the
 * fake HubSpot answers only after a minute. An endpoint that waited on HubSpot or its limiter
 * would show it in p99; the run also counts the HubSpot requests made while measuring (0 expected).
 *
 *   pnpm bench:cards [-- --n 200]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createApiRuntime } from '../../apps/api/src/create-api-runtime';
import { CARD_CATALOG } from '../../apps/api/test/support/hubspot-cards-fixtures';
import { createWorkerRuntime } from '../../apps/worker/src/create-worker-runtime';
import { loadConfig } from '../../packages/core/src/config/index';
import { runMigrations } from '../../packages/core/src/db/index';
import { createLogger } from '../../packages/core/src/logging/index';
import { createFakeHubspot, hubspotFetch, postWorkflowAction } from '../../packages/fakes/src/hubspot/index';
import { createHubspotClient } from '../../packages/hubspot/src/create-hubspot-client';
import { adminCall } from '../../packages/test-env/src/admin-call';
import { databaseUrl, TEST_REDIS_URL, withAdmin } from '../../packages/test-env/src/test-database';
import { deleteRedisKeys } from './bench-database';

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: { n: { type: 'string' } },
});
const N = Number(values.n ?? 100);
const DB = 'licensync_bench_cards';
const SECRET = 'bench-hubspot-app-secret';
const PUBLIC_URL = 'https://licensync.bench';

await withAdmin(async (c) => {
  await c.query(`drop database if exists "${DB}" with (force)`);
  await c.query(`create database "${DB}"`);
});
await runMigrations(databaseUrl(DB));
const fake = await createFakeHubspot();
const prefix = `benchcards${randomBytes(3).toString('hex')}`;
const config = loadConfig({
  DATABASE_URL: databaseUrl(DB),
  REDIS_URL: TEST_REDIS_URL,
  QUEUE_PREFIX: prefix,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  PORT: '0',
  WORKER_PORT: '0',
  PUBLIC_URL,
  HUBSPOT_CLIENT_SECRET: SECRET,
  HUBSPOT_API_BASE: fake.url,
  HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
  HUBSPOT_SYNC_POLL_MS: '100',
});
const logger = createLogger({ level: config.LOG_LEVEL, name: 'bench' });
const worker = await createWorkerRuntime(config, logger);
const api = await createApiRuntime(config, logger);
const portalId = fake.defaultPortal.portalId;
const caller = {
  apiUrl: api.url,
  publicUrl: PUBLIC_URL,
  clientSecret: SECRET,
  portalId,
  userId: 7,
  userEmail: 'rep@bench.test',
};
const card = (path: string, init?: Parameters<typeof hubspotFetch>[2]) =>
  hubspotFetch(caller, `/hubspot/cards${path}`, init);
const admin = adminCall(api.url, config.ADMIN_TOKEN);
const sdk = createHubspotClient({ accessToken: fake.defaultPortal.token, basePath: fake.url });

// --- Set-up while HubSpot answers: a connected contact with licenses, a deal associated with it.
if ((await admin('POST', '/catalog/import', CARD_CATALOG)).status !== 200)
  throw new Error('catalog import failed');
const contact = (
  await sdk.crm.contacts.basicApi.create({ properties: { email: 'ada@bench.test' }, associations: [] })
).id;
const stranger = (
  await sdk.crm.contacts.basicApi.create({ properties: { email: 'bob@bench.test' }, associations: [] })
).id;
const products = (await card('/products')).body.products as { id: string; shortCode: string }[];
const pro = products.find((p) => p.shortCode === 'pro')!.id;
const orderBody = {
  objectType: 'contact',
  objectId: contact,
  record: { email: 'ada@bench.test', firstName: 'Ada' },
  productId: pro,
  quantity: 1,
};
const order = await card('/orders', { method: 'POST', body: orderBody });
if (order.status !== 201) throw new Error(`order: ${JSON.stringify(order.body)}`);
const license = order.body.licenses[0].id as string;
const customerId = order.body.customer.id as string;
const deal = (await sdk.crm.deals.basicApi.create({ properties: { dealname: 'Bench' }, associations: [] }))
  .id;
await sdk.crm.associations.v4.basicApi.createDefault('deals', deal, 'contacts', contact);
for (let i = 0; i < 100; i++) {
  const warm = await card(`/deals/${deal}/licenses`);
  if (!warm.body.pending) break;
  await new Promise((r) => setTimeout(r, 100));
}
const sync = await card(`/records/contact/${contact}/sync`, { method: 'POST' });

// --- Pause the portal (every process's calls wait) and make HubSpot itself slow.
await worker.hubspot.limiter.pause(String(portalId), 30 * 60_000);
fake.setLatency(60_000);
const before = fake.requests().length;
const workflowBody = (callbackId: string, deal?: string) => ({
  callbackId,
  origin: { portalId, actionDefinitionId: 1, actionDefinitionVersion: 1 },
  context: { source: 'WORKFLOWS', workflowId: 42 },
  object: deal
    ? { objectId: Number(deal), objectType: 'DEAL', properties: {} }
    : { objectId: Number(contact), objectType: 'CONTACT', properties: { email: 'trial@bench.test' } },
  inputFields: { product: 'pro' },
});
const wf = (path: string, body: unknown) => postWorkflowAction(caller, path, body);

let k = 0;
const addFeature = () => card(`/licenses/${license}/features`, { method: 'POST', body: { code: 'export' } });
const removeFeature = () => card(`/licenses/${license}/features/export`, { method: 'DELETE' });
/** Name, the timed call, and an untimed call before it (so adding and removing a feature each succeed). */
type Endpoint = [string, () => Promise<{ status: number }>, (() => Promise<unknown>)?];
const ENDPOINTS: Endpoint[] = [
  ['GET  /hubspot/cards/products', () => card('/products')],
  ['GET  /hubspot/cards/products/:id/policies', () => card(`/products/${pro}/policies`)],
  ['POST /hubspot/cards/orders', () => card('/orders', { method: 'POST', body: orderBody })],
  ['GET  /hubspot/cards/records/contact/:id/licenses', () => card(`/records/contact/${contact}/licenses`)],
  [
    'GET  …/records/contact/:id/similar-customers',
    () => card(`/records/contact/${stranger}/similar-customers?email=ada%40bench.test`),
  ],
  [
    'PUT  …/records/contact/:id/connection',
    () =>
      card(`/records/contact/${contact}/connection`, {
        method: 'PUT',
        body: { customerId, record: { email: 'ada@bench.test' } },
      }),
  ],
  [
    'DEL  …/records/contact/:id/connection (never connected)',
    () => card(`/records/contact/${stranger}/connection`, { method: 'DELETE' }),
  ],
  ['POST …/records/contact/:id/sync', () => card(`/records/contact/${contact}/sync`, { method: 'POST' })],
  ['GET  /hubspot/cards/syncs/:syncId', () => card(`/syncs/${sync.body.syncId}`)],
  ['GET  /hubspot/cards/licenses/:id', () => card(`/licenses/${license}`)],
  [
    'PATCH /hubspot/cards/licenses/:id',
    () => card(`/licenses/${license}`, { method: 'PATCH', body: { maxActivations: 2 + (k++ % 5) } }),
  ],
  ['POST …/licenses/:id/features', addFeature, removeFeature],
  ['DEL  …/licenses/:id/features/:code', removeFeature, addFeature],
  [
    'PUT  …/licenses/:id/custom-fields/:name',
    () => card(`/licenses/${license}/custom-fields/tier`, { method: 'PUT', body: { value: `v${k++}` } }),
  ],
  ['GET  /hubspot/cards/deals/:id/licenses (cached)', () => card(`/deals/${deal}/licenses`)],
  ['GET  /hubspot/cards/deals/:id/licenses (not cached)', () => card(`/deals/${900_000 + k++}/licenses`)],
  [
    'POST /hubspot/workflow/options/products',
    () => wf('/hubspot/workflow/options/products', { origin: { portalId }, inputFields: {} }),
  ],
  [
    'POST /hubspot/workflow/create-license (SUCCESS)',
    () => wf('/hubspot/workflow/create-license', workflowBody(`bench-s-${k++}`)),
  ],
  [
    'POST /hubspot/workflow/create-license (BLOCK)',
    () => wf('/hubspot/workflow/create-license', workflowBody(`bench-b-${k++}`, deal)),
  ],
];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
console.log(
  `\nCard endpoint latency — portal ${portalId} paused, HubSpot answering after 60 s; ${N} sequential calls each`,
);
console.log(
  `  ${'endpoint'.padEnd(58)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}  statuses`,
);
let worst = 0;
for (const [name, call, before] of ENDPOINTS) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < N; i++) {
    await before?.();
    const t = performance.now();
    const res = await call();
    times.push(performance.now() - t);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  times.sort((a, b) => a - b);
  worst = Math.max(worst, pct(times, 99));
  const s = [...statuses].map(([code, n]) => `${n}×${code}`).join(' ');
  console.log(
    `  ${name.padEnd(58)} ${pct(times, 50).toFixed(1).padStart(7)} ${pct(times, 99).toFixed(1).padStart(7)} ${times.at(-1)!.toFixed(1).padStart(7)}  ${s}`,
  );
}
const hubspotCalls = fake.requests().length - before;
console.log(`  worst p99          ${worst.toFixed(1)} ms`);
console.log(`  HubSpot requests   ${hubspotCalls} while measuring (the paused limiter let none through)`);

await api.close();
await worker.close();
await fake.close();
await deleteRedisKeys(prefix);
await withAdmin(async (c) => void (await c.query(`drop database if exists "${DB}" with (force)`)));
process.exit(hubspotCalls === 0 ? 0 : 1);
