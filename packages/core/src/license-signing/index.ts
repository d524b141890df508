export * from './offline-license-file';
export * from './product-keyring';
export * from './sign-answer';
