export * from './deactivate-activation';
export * from './record-activation-change';
