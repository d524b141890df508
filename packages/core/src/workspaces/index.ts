export * from './ensure-default-workspace';
