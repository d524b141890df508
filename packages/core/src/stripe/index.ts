export * from './create-stripe-client';
