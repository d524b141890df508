export * from './fake-hubspot/index';
export * from './fake-stripe/index';
export * from './test-env/index';
