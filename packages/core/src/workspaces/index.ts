export * from './create-workspace';
export * from './ensure-default-workspace';
export * from './find-stripe-account-workspace';
export * from './find-webhook-workspace';
export * from './get-workspace-settings';
export * from './is-valid-cron';
export * from './list-workspaces';
export * from './update-workspace-settings';
