export * from './purge-idempotency-keys';
export * from './run-idempotent';
export * from './to-request-hash';
