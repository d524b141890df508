export * from './ensure-default-workspace';
export * from './get-workspace-settings';
export * from './is-valid-cron';
export * from './update-workspace-settings';
