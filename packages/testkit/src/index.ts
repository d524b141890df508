export * from './test-env/index';
