export * from './create-metrics';
