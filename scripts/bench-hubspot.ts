/**
 * HubSpot sync benchmark: N license changes for a realistic number of customers, synced into the
 * fake HubSpot (190 requests / 10 s per portal, as a Professional private app) until the outbox is
 * drained. Prints the calls made against the fewest that could do (every HubSpot batch endpoint
 * filled to 100), wall time against the floor the rate limit allows, and every intent that failed
 * (exit code 1 if any).
 *
 *   pnpm bench:hubspot [-- --n 10000] [--customers 2500]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '@licensync/core/config';
import { runMigrations } from '@licensync/core/db';
import { createLogger } from '@licensync/core/logging';
import * as schema from '@licensync/core/schema';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createWorkerRuntime } from '../apps/worker/src/create-worker-runtime';
import { seedCustomers, seedLicenses, seedProduct } from '../apps/worker/test/hubspot-fixtures';
import { createFakeHubspot } from '../packages/fakes/src/hubspot/index';
import { databaseUrl, TEST_REDIS_URL, withAdmin } from '../packages/test-env/src/test-database';

// `pnpm bench:hubspot -- --n 2000` passes the `--` on.
const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: { n: { type: 'string' }, customers: { type: 'string' } },
});
const n = Number(values.n ?? 10_000);
const customerCount = Number(values.customers ?? Math.max(1, Math.round(n / 4)));
const LIMIT_PER_10S = 190;
/** HubSpot's cap per batch call (upsert, associate, search values). */
const PER_CALL = 100;
const DB = 'licensync_bench';

await withAdmin(async (c) => {
  await c.query(`drop database if exists "${DB}" with (force)`);
  await c.query(`create database "${DB}"`);
});
await runMigrations(databaseUrl(DB));

const fake = await createFakeHubspot({ rateLimit: { maxRequestsPer10s: LIMIT_PER_10S } });
const config = loadConfig({
  DATABASE_URL: databaseUrl(DB),
  REDIS_URL: TEST_REDIS_URL,
  QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  HUBSPOT_API_BASE: fake.url,
  HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
  HUBSPOT_MAX_REQUESTS_PER_10S: String(LIMIT_PER_10S),
  HUBSPOT_SYNC_POLL_MS: '200',
});
const runtime = await createWorkerRuntime(config, createLogger({ level: config.LOG_LEVEL, name: 'bench' }));
const workspaceId = (await ensureDefaultWorkspace(runtime.db)).id;
const productId = await seedProduct(runtime.db, workspaceId);
const deployCalls = fake.requests().length;

console.log(`seeding ${n} licenses for ${customerCount} customers (every 5th a company)…`);
const started = Date.now();
await runtime.db.transaction(async (tx) => {
  const db = tx as unknown as typeof runtime.db;
  const customerIds = await seedCustomers(db, workspaceId, customerCount, { companyEvery: 5 });
  await seedLicenses(db, workspaceId, { productId, customerIds, n });
});
const seededMs = Date.now() - started;

const counts = async () => {
  const rows = await runtime.db.select({ status: schema.syncOutbox.status }).from(schema.syncOutbox);
  const c: Record<string, number> = {};
  for (const r of rows) c[r.status] = (c[r.status] ?? 0) + 1;
  return c;
};
const syncStart = Date.now();
let last = syncStart;
for (;;) {
  const c = await counts();
  if (!c.pending && !c.processing) break;
  if (Date.now() - last >= 5000) {
    last = Date.now();
    const calls = fake.requests().length - deployCalls;
    console.log(
      `  ${((last - syncStart) / 1000).toFixed(0)} s: done ${c.done ?? 0}, pending ${c.pending ?? 0}, processing ${c.processing ?? 0}, failed ${c.failed ?? 0}; ${calls} calls`,
    );
  }
  await new Promise((r) => setTimeout(r, 100));
}
const wallS = (Date.now() - syncStart) / 1000;
const final = await counts();
const requests = fake.requests().slice(deployCalls);
const calls = requests.length;
const limited = requests.filter((r) => r.status === 429).length;
// A rolling 10 s window lets the first 190 calls through at once; each further 190 waits 10 s.
const floorS = Math.max(0, Math.ceil(calls / LIMIT_PER_10S) - 1) * 10;
const byEndpoint: Record<string, number> = {};
for (const r of requests) byEndpoint[r.endpoint ?? r.path] = (byEndpoint[r.endpoint ?? r.path] ?? 0) + 1;
const records = n + customerCount;
// Counted in JS: drizzle-orm is not a dependency of the workspace root.
const customerRows = await runtime.db
  .select({ id: schema.customers.id, type: schema.customers.customerType })
  .from(schema.customers);
const companyIds = new Set(customerRows.filter((c) => c.type === 'company').map((c) => c.id));
const companies = companyIds.size;
const licenseOwners = await runtime.db
  .select({ customerId: schema.licenses.customerId })
  .from(schema.licenses);
const companyLicenses = licenseOwners.filter((l) => companyIds.has(l.customerId)).length;
const batches = (k: number) => Math.ceil(k / PER_CALL);
// Every endpoint filled: contacts upsert; companies domain search, upsert, contact↔company;
// licenses upsert, license→contact, license→company (for company customers' licenses).
const minCalls = batches(customerCount) + 3 * batches(companies) + 2 * batches(n) + batches(companyLicenses);
const failedIntents = (await runtime.db.select().from(schema.syncOutbox)).filter(
  (i) => i.status === 'failed',
);
const [connection] = await runtime.db.select().from(schema.hubspotConnections);
const licenseType = connection!.objectTypeIds.licenses!;

console.log(`
HubSpot sync benchmark — ${n} licenses, ${customerCount} customers (seeded in ${(seededMs / 1000).toFixed(1)} s)
  intents            ${JSON.stringify(final)}
  HubSpot records    ${fake.records(licenseType).length} licenses, ${fake.records('0-1').length} contacts, ${fake.records('0-2').length} companies
  HubSpot calls      ${calls} (${limited} answered 429; schema deployment before: ${deployCalls})
  calls per record   ${(calls / records).toFixed(4)} per synced record (licenses + customers), ${(calls / n).toFixed(4)} per license
  fewest calls       ${minCalls} = ⌈customers/100⌉ + 3⌈companies/100⌉ + 2⌈licenses/100⌉ + ⌈company licenses/100⌉ (${companies} companies, ${companyLicenses} company licenses)
  calls ÷ fewest     ${(calls / minCalls).toFixed(2)}
  wall time          ${wallS.toFixed(1)} s
  rate-limit floor   ${floorS.toFixed(1)} s = max(0, ⌈${calls} calls ÷ ${LIMIT_PER_10S}⌉ − 1) × 10 s
  wall ÷ floor       ${floorS > 0 ? (wallS / floorS).toFixed(2) : 'n/a (all calls fit the first window)'}
  by endpoint        ${Object.entries(byEndpoint)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v} × ${k}`)
    .join('\n                     ')}`);

if (failedIntents.length > 0) {
  console.log(`\n${failedIntents.length} intent(s) failed:`);
  for (const f of failedIntents) console.log(`  ${f.objectKind}:${f.objectId}: ${f.lastError}`);
}

await runtime.close();
await fake.close();
await withAdmin(async (c) => void (await c.query(`drop database if exists "${DB}" with (force)`)));
process.exit(failedIntents.length > 0 ? 1 : 0);
