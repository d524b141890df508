export * from './relay-pending-events';
