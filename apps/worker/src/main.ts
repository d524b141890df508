import { loadConfig } from '@licensync/core/config';
import { createDb, ensureDatabase, runMigrations } from '@licensync/core/db';
import { createLogger } from '@licensync/core/logging';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createWorkerRuntime } from './create-worker-runtime';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker' });

if (config.MIGRATE_ON_START) {
  await ensureDatabase(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
}
const boot = createDb(config.DATABASE_URL, { max: 1 });
await ensureDefaultWorkspace(boot.db);
await boot.close();

const runtime = await createWorkerRuntime(config, logger);
logger.info('worker started');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'finishing in-flight jobs, then stopping');
    await runtime.close();
    process.exit(0);
  });
}
