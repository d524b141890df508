// The bench reaches the workspace packages by path (the root depends on none of them); every such
// import goes through this file, so a move inside packages/ is fixed here once.
export {
  createDb,
  createLogger,
  createRedis,
  type DbHandle,
  ensureDefaultWorkspace,
  importCatalog,
  loadConfig,
  parseCatalogFile,
  runMigrations,
  schema,
} from '../../packages/core/src/index';
export {
  createFakeStripe,
  type FakeStripe,
  signStripeEvent,
} from '../../packages/testkit/src/fake-stripe/index';
export {
  databaseUrl,
  TEST_PG_URL,
  TEST_REDIS_URL,
  withAdmin,
} from '../../packages/testkit/src/test-env/test-database';
