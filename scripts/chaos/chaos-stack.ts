import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCatalog, parseCatalogFile } from '@licensync/core/catalog';
import { createDb, type DbHandle, ensureDatabase, runMigrations } from '@licensync/core/db';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import type { FakeHubspot } from '@licensync/fakes/hubspot';
import type { FakeStripe } from '@licensync/fakes/stripe';
import { getHubspotConnection } from '@licensync/hubspot';
import { type ServiceProcess, serviceProcess } from './service-process';
import type { ThrowawayPostgres } from './throwaway-postgres';
import type { ThrowawayRedis } from './throwaway-redis';

const CATALOG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/catalog.yaml');
export const WEBHOOK_SECRET = 'whsec_licensync_chaos_secret';

export interface ChaosInfra {
  pg: ThrowawayPostgres;
  redis: ThrowawayRedis;
  stripe: FakeStripe;
  hubspot: FakeHubspot;
  apiPort: number;
  logDir: string;
}

export interface ChaosStack {
  harnessDb: DbHandle;
  webhookUrl: string;
  api: ServiceProcess;
  workers: ServiceProcess[];
  close(): Promise<void>;
}

/**
 * One scenario's stack on the shared throwaway infrastructure: a fresh database (migrated, example
 * catalog imported), empty Redis and fakes, then the api and `workers` worker processes, started
 * for real. Resolves once the api is ready and the worker has connected HubSpot.
 */
export async function startChaosStack(infra: ChaosInfra, name: string, workers: number): Promise<ChaosStack> {
  const databaseUrl = infra.pg.url(`chaos_${name.replace(/\W/g, '_')}`);
  await ensureDatabase(databaseUrl);
  await runMigrations(databaseUrl);
  await infra.redis.flush();
  infra.stripe.reset();
  infra.hubspot.reset();
  const harnessDb = createDb(databaseUrl, { max: 4 });
  const workspace = await ensureDefaultWorkspace(harnessDb.db);
  const catalog = parseCatalogFile(await readFile(CATALOG, 'utf8'), 'catalog.yaml');
  await importCatalog({ db: harnessDb.db, workspaceId: workspace.id, catalog });

  const logDir = path.join(infra.logDir, name);
  await mkdir(logDir, { recursive: true });
  const env = serviceEnv(infra, databaseUrl);
  const api = serviceProcess({ name: 'api', app: 'api', env, logDir });
  // The worker logs at info (one line per event) so a restart can wait for "worker started".
  // Port 0: several workers run at once, each with its own health and metrics port.
  const workerEnv = { ...env, LOG_LEVEL: 'info', WORKER_PORT: '0' };
  const workerProcs = Array.from({ length: workers }, (_, i) =>
    serviceProcess({
      name: `worker-${i + 1}`,
      app: 'worker',
      env: workerEnv,
      logDir,
      readyLine: '"msg":"worker started"',
    }),
  );
  const close = async () => {
    await Promise.all([api, ...workerProcs].map((p) => p.stop()));
    await harnessDb.close();
  };
  const base = `http://127.0.0.1:${infra.apiPort}`;
  try {
    await Promise.all([api, ...workerProcs].map((p) => p.start()));
    await until(async () => (await fetch(`${base}/readyz`)).ok, 60_000, 'the api to be ready');
    await until(
      async () => Boolean((await getHubspotConnection(harnessDb.db, workspace.id))?.objectTypeIds.licenses),
      60_000,
      'the worker to connect HubSpot',
    );
  } catch (err) {
    // A process that did start must not outlive the run.
    await close();
    throw err;
  }
  return { harnessDb, webhookUrl: `${base}/webhooks/stripe`, api, workers: workerProcs, close };
}

/**
 * Short locks, leases and relay delays, so a killed worker's job or a lost Redis job is retried
 * within seconds rather than the production minute; retries enough to ride out a restart.
 */
function serviceEnv(infra: ChaosInfra, databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: infra.redis.url,
    QUEUE_PREFIX: 'chaos',
    PORT: String(infra.apiPort),
    PUBLIC_URL: `http://127.0.0.1:${infra.apiPort}`,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: infra.stripe.url,
    HUBSPOT_API_BASE: infra.hubspot.url,
    HUBSPOT_ACCESS_TOKEN: infra.hubspot.defaultPortal.token,
    HUBSPOT_MAX_REQUESTS_PER_10S: '150',
    HUBSPOT_SYNC_POLL_MS: '200',
    HUBSPOT_CLAIM_LEASE_MS: '5000',
    WORKER_CONCURRENCY: '10',
    JOB_ATTEMPTS: '10',
    JOB_BACKOFF_MS: '500',
    JOB_LOCK_MS: '5000',
    RELAY_INTERVAL_MS: '1000',
    RELAY_MIN_AGE_MS: '2000',
    RELAY_STUCK_AFTER_MS: '10000',
  };
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
