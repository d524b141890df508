export * from './create-metrics';
export * from './register-state-gauges';
