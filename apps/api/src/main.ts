import { loadConfig, withDotEnv } from '@licensync/core/config';
import { assertMigrated, ensureDatabase, runMigrations } from '@licensync/core/db';
import { startOrExit } from '@licensync/core/lifecycle';
import { createLogger, prettyLogs } from '@licensync/core/logging';
import { createApiRuntime } from './create-api-runtime';

const { logger, runtime } = await startOrExit('api', async () => {
  const config = loadConfig(withDotEnv(process.env, process.cwd()));
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'api', pretty: prettyLogs(config) });
  if (config.MIGRATE_ON_START) {
    await ensureDatabase(config.DATABASE_URL);
    await runMigrations(config.DATABASE_URL);
  }
  await assertMigrated(config.DATABASE_URL);
  return { logger, runtime: await createApiRuntime(config, logger) };
});
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
