export * from './connection-failure-job';
export * from './find-portal-workspace';
export * from './forget-portal-data';
export * from './hubspot-daily-remaining-key';
export * from './hubspot-oauth';
export * from './save-hubspot-oauth-connection';
export * from './set-hubspot-connection-state';
export * from './stripe-connection';
