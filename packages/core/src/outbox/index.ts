export * from '../hubspot/outbox/claim-lease-ms';
export * from '../hubspot/outbox/renew-claims-while';
export * from './enqueue-sync-intent';
export * from './purge-done-intents';
export * from './sync-priority';
