import { OUTBOUND_EVENT_TYPES } from '@licensync/core/webhooks';
import { z } from 'zod';

/** A new endpoint: an http(s) URL and the event types it wants (none listed: every type). */
export const webhookEndpointBody = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2048, 'must be at most 2048 characters')
    // The URL parser tolerates a NUL that Postgres text cannot hold.
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters'),
  event_types: z.array(z.enum(OUTBOUND_EVENT_TYPES)).max(OUTBOUND_EVENT_TYPES.length).default([]),
});
