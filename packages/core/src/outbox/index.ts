export * from './enqueue-sync-intent';
