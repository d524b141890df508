export * from './stripe-connection';
