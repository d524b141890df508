export * from './create-secret-box-from-config';
export * from './reseal-secrets';
export * from './secret-box';
