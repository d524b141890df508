export * from './app';
export * from './create-api-runtime';
