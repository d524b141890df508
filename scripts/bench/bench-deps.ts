// Every workspace package the bench uses goes through this file (the root depends on them as dev
// dependencies), so a move inside packages/ is fixed here once.
export { importCatalog, parseCatalogFile } from '@licensync/core/catalog';
export { loadConfig } from '@licensync/core/config';
export { createDb, type DbHandle, runMigrations } from '@licensync/core/db';
export { createLogger } from '@licensync/core/logging';
export { createRedis } from '@licensync/core/queues';
export * as schema from '@licensync/core/schema';
export { ensureDefaultWorkspace } from '@licensync/core/workspaces';
export {
  createFakeStripe,
  type FakeStripe,
  signStripeEvent,
} from '@licensync/fakes/stripe';
export {
  databaseUrl,
  TEST_PG_URL,
  TEST_REDIS_URL,
  withAdmin,
} from '@licensync/test-env';
