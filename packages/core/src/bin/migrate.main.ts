import { loadConfig } from '../config/index';
import { withDotEnv } from '../config/with-dot-env';
import { ensureDatabase } from '../db/ensure-database';
import { runMigrations } from '../db/migrate';
import { startOrExit } from '../lifecycle/start-or-exit';

await startOrExit('migrate', async () => {
  const config = loadConfig(withDotEnv(process.env, process.cwd()));
  await ensureDatabase(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
});
console.log('migrations applied');
