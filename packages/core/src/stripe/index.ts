export * from './create-stripe-client';
export * from './handled-stripe-events';
