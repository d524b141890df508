export * from './create-logger';
export * from './to-safe-error';
