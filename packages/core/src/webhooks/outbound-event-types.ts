export const OUTBOUND_EVENT_TYPES = [
  'license.created',
  'license.updated',
  'license.disabled',
  'order.created',
  'failure.created',
] as const;

export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];
