export * from './create-licenses';
export * from './find-or-create-customer';
export * from './find-or-create-order';
export * from './generate-license-key';
export * from './load-catalog';
export * from './plan-line-item-licenses';
export * from './set-subscription-licenses-state';
export * from './to-license-draft';
