import { loadConfig } from '../config/index';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './migrate';

const config = loadConfig(process.env);
await ensureDatabase(config.DATABASE_URL);
await runMigrations(config.DATABASE_URL);
console.log('migrations applied');
