export * from './customer-page';
