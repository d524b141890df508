export * from './dispatch-outbound-events';
export * from './emit-license-events';
export * from './emit-outbound-event';
export * from './get-outbound-event';
export * from './outbound-event-types';
export * from './sign-webhook-payload';
export * from './webhook-deliveries';
export * from './webhook-endpoints';
