export { type AdminCall, adminCall } from './admin-call';
export { brokenPurchases } from './broken-purchases';
export { createTestEnv, type TestEnv } from './create-test-env';
export { eventually } from './eventually';
export type { ApiRuntimeLike, Closable, RuntimeFactory } from './runtime-factory';
export { seedExampleCatalog } from './seed-example-catalog';
export { type InboxRow, settleInbox } from './settle-inbox';
export { type ApiStack, startApi } from './start-api';
export { type Stack, type StackOptions, type StackRuntimes, startStack } from './start-stack';
export {
  createTestDatabase,
  databaseUrl,
  stampedName,
  TEST_DB_PREFIX,
  TEST_PG_URL,
  TEST_REDIS_URL,
  withAdmin,
} from './test-database';
