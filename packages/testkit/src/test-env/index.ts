export * from './settle-inbox';
export * from './test-database';
export * from './test-stack';
