export * from './create-worker-runtime';
