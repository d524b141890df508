export * from './env-schema';
export * from './load-config';
export * from './trust-proxy';
export * from './with-dot-env';
