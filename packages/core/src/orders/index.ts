export * from './create-order';
export * from './create-workflow-order';
export * from './find-or-create-order';
export * from './list-customer-orders';
export * from './order-input';
export * from './plan-order-drafts';
export * from './resolve-order-customer';
export * from './workflow-license-request';
