import { loadConfig } from '@licensync/core/config';
import { ensureDatabase, runMigrations } from '@licensync/core/db';
import { createLogger } from '@licensync/core/logging';
import { createApiRuntime } from './create-api-runtime';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.LOG_LEVEL, name: 'api' });

if (config.MIGRATE_ON_START) {
  await ensureDatabase(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
}
const runtime = await createApiRuntime(config, logger);
logger.info({ url: runtime.url }, 'api listening');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await runtime.close();
    process.exit(0);
  });
}
