export * from './deal-associations-cache';
export * from './licenses-of-hubspot-records';
