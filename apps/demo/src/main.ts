import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiRuntime } from '@licensync/api';
import { importCatalog, parseCatalogFile } from '@licensync/core/catalog';
import { loadConfig } from '@licensync/core/config';
import { runMigrations } from '@licensync/core/db';
import { createLogger } from '@licensync/core/logging';
import { createFakeHubspot } from '@licensync/fakes/hubspot';
import { startMailSink } from '@licensync/fakes/smtp';
import { createFakeStripe, createStripeSimulator, deliverStripeEvent } from '@licensync/fakes/stripe';
import { createWorkerRuntime } from '@licensync/worker';
import type { DemoContext } from './demo-context';
import { formatDeliveredMails } from './format-delivered-mails';
import { hubspotSummary } from './hubspot-summary';
import { printOperatorHints } from './print-operator-hints';
import { resetDemoStores } from './reset-demo-stores';
import { runBrokenPriceStep } from './run-broken-price-step';
import { runDemoStory } from './run-demo-story';
import { waitForDeliveries } from './wait-for-deliveries';
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
// Delivery mails go to an SMTP server inside the demo, which prints what it received.
const mailSink = await startMailSink();
const config = {
  ...base,
  DATABASE_URL: demoDbUrl.toString(),
  // Its own keys beside the install's (whose jobs the reset below must never delete).
  QUEUE_PREFIX: `${base.QUEUE_PREFIX}-demo`,
  STRIPE_API_BASE: fake.url,
  HUBSPOT_API_BASE: hubspot.url,
  HUBSPOT_ACCESS_TOKEN: hubspot.defaultPortal.token,
  SMTP_URL: mailSink.url,
  SMTP_FROM: 'Acme Licensing <licenses@acme.example>',
  LOG_LEVEL: 'info' as const,
  RELAY_INTERVAL_MS: 500,
  RELAY_MIN_AGE_MS: 1000,
};
await resetDemoStores(config);
await runMigrations(config.DATABASE_URL);
// The story is for reading: the processes' JSON log lines go to a file instead.
const logFile = path.join(tmpdir(), 'licensync-demo.log');
const logger = createLogger({
  level: config.LOG_LEVEL,
  name: 'demo',
  destination: createWriteStream(logFile),
});
const api = await createApiRuntime(config, logger);
const worker = await createWorkerRuntime(config, logger);

const catalog = parseCatalogFile(
  await readFile(path.join(root, 'examples/catalog.yaml'), 'utf8'),
  'catalog.yaml',
);
await importCatalog({ db: api.db, workspaceId: api.workspaceId, catalog });

console.log(
  `licensync demo: api on ${api.url}, Stripe simulator on ${fake.url}, catalog from examples/catalog.yaml\n` +
    `(logs in ${logFile}; queue prefix ${config.QUEUE_PREFIX})\n`,
);
const demo: DemoContext = {
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
};
await runDemoStory(demo);

await waitForHubspot(api.db);
console.log(`\n${hubspotSummary(hubspot, 'margaret@example.com')}`);
await waitForDeliveries(api.db);
console.log(`\n${formatDeliveredMails(mailSink.mails)}`);

const broken = await runBrokenPriceStep(demo);
printOperatorHints({
  apiUrl: api.url,
  stripeUrl: fake.url,
  stripeKey: config.STRIPE_API_KEY,
  token: config.ADMIN_TOKEN,
  broken,
  exiting: exitWhenDone,
  print: (line) => console.log(line),
});

const stop = async () => {
  await worker.close();
  await api.close();
  await fake.close();
  await hubspot.close();
  await mailSink.close();
  process.exit(0);
};
if (exitWhenDone) await stop();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
