export * from './create-licenses';
export * from './find-or-create-customer';
export * from './find-or-create-order';
export * from './generate-license-key';
