export * from './create-workspace';
export * from './ensure-default-workspace';
export * from './find-webhook-workspace';
export * from './list-workspaces';
