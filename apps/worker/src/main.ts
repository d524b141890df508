import { loadConfig, withDotEnv } from '@licensync/core/config';
import { assertMigrated, createDb, ensureDatabase, runMigrations } from '@licensync/core/db';
import { startOrExit } from '@licensync/core/lifecycle';
import { createLogger, prettyLogs } from '@licensync/core/logging';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createWorkerRuntime } from './create-worker-runtime';
import { startWorkerHttp } from './http/start-worker-http';

const { logger, runtime, http } = await startOrExit('worker', async () => {
  const config = loadConfig(withDotEnv(process.env, process.cwd()));
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker', pretty: prettyLogs(config) });
  if (config.MIGRATE_ON_START) {
    await ensureDatabase(config.DATABASE_URL);
    await runMigrations(config.DATABASE_URL);
  }
  await assertMigrated(config.DATABASE_URL);
  const boot = createDb(config.DATABASE_URL, { max: 1 });
  await ensureDefaultWorkspace(boot.db);
  await boot.close();
  const runtime = await createWorkerRuntime(config, logger);
  const http = await startWorkerHttp(config, runtime).catch(async (err: unknown) => {
    await runtime.close();
    throw err;
  });
  return { logger, runtime, http };
});
logger.info({ port: http.port }, 'worker started');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'finishing in-flight jobs, then stopping');
    await http.close();
    await runtime.close();
    process.exit(0);
  });
}
