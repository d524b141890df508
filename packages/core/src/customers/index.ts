export * from './find-or-create-customer';
export * from './link-customer-account';
