export * from './run-idempotent';
export * from './to-request-hash';
