import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiRuntime } from '@licensync/api';
import { importCatalog, parseCatalogFile } from '@licensync/core/catalog';
import { loadConfig } from '@licensync/core/config';
import { runMigrations } from '@licensync/core/db';
import { createLogger } from '@licensync/core/logging';
import { createFakeHubspot } from '@licensync/fakes/hubspot';
import { createFakeStripe, createStripeSimulator, deliverStripeEvent } from '@licensync/fakes/stripe';
import { createWorkerRuntime } from '@licensync/worker';
import { hubspotSummary } from './hubspot-summary';
import { resetDemoStores } from './reset-demo-stores';
import { runDemoStory } from './run-demo-story';
import { waitForHubspot } from './wait-for-hubspot';
import { waitForInbox } from './wait-for-inbox';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const base = loadConfig(process.env);
const exitWhenDone = process.argv.includes('--exit');

// The demo owns its own database and queue prefix and starts them afresh, so it never touches
// real data and can be run again and again.
const demoDbUrl = new URL(base.DATABASE_URL);
demoDbUrl.pathname = '/licensync_demo';
const fake = await createFakeStripe();
const hubspot = await createFakeHubspot();
const config = {
  ...base,
  DATABASE_URL: demoDbUrl.toString(),
  QUEUE_PREFIX: 'licensync-demo',
  STRIPE_API_BASE: fake.url,
  HUBSPOT_API_BASE: hubspot.url,
  HUBSPOT_ACCESS_TOKEN: hubspot.defaultPortal.token,
  LOG_LEVEL: 'warn' as const,
  RELAY_INTERVAL_MS: 500,
  RELAY_MIN_AGE_MS: 1000,
};
await resetDemoStores(config);
await runMigrations(config.DATABASE_URL);
const logger = createLogger({ level: config.LOG_LEVEL, name: 'demo' });
const api = await createApiRuntime(config, logger);
const worker = await createWorkerRuntime(config, logger);

const catalog = parseCatalogFile(
  await readFile(path.join(root, 'examples/catalog.yaml'), 'utf8'),
  'catalog.yaml',
);
await importCatalog({ db: api.db, workspaceId: api.workspaceId, catalog });

console.log(
  `licensync demo: api on ${api.url}, Stripe simulator on ${fake.url}, catalog from examples/catalog.yaml\n`,
);
await runDemoStory({
  sim: createStripeSimulator(fake),
  db: api.db,
  workspaceId: api.workspaceId,
  print: (line) => console.log(line),
  async play(events) {
    for (const event of events) {
      const res = await deliverStripeEvent(`${api.url}/webhooks/stripe`, event, config.STRIPE_WEBHOOK_SECRET);
      if (!res.ok) throw new Error(`webhook ${event.type} answered ${res.status}: ${await res.text()}`);
    }
    await waitForInbox(
      api.db,
      events.map((e) => e.id),
    );
  },
});

await waitForHubspot(api.db);
console.log(`\n${hubspotSummary(hubspot, 'margaret@example.com')}`);

console.log(`\nThe story is done. The service keeps running:
  curl -H 'Authorization: Bearer ${config.ADMIN_TOKEN}' '${api.url}/api/v1/licenses?customer_email=ada@example.com'
  curl ${api.url}/metrics
Press Ctrl-C to stop.`);

const stop = async () => {
  await worker.close();
  await api.close();
  await fake.close();
  await hubspot.close();
  process.exit(0);
};
if (exitWhenDone) await stop();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
