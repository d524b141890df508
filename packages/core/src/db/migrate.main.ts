import { loadConfig } from '../config/index';
import { withDotEnv } from '../config/with-dot-env';
import { startOrExit } from '../lifecycle/start-or-exit';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './migrate';

await startOrExit('migrate', async () => {
  const config = loadConfig(withDotEnv(process.env, process.cwd()));
  await ensureDatabase(config.DATABASE_URL);
  await runMigrations(config.DATABASE_URL);
});
console.log('migrations applied');
