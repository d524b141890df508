import type { FailureFilter, FailureSelection } from '@licensync/core/failures';
import { z } from 'zod';
import { bodyId, isoTime, queryInteger, storableText } from './query-primitives';

const text = storableText(500);

/**
 * Query of `GET /api/v1/failures`. `created[gte]`/`created[lte]` (Stripe's style) and
 * `since`/`until` are synonyms; express 5's simple query parser keeps the brackets in the key.
 */
export const failureListQuery = z.strictObject({
  queue: text.optional(),
  event_type: text.optional(),
  error: text.optional(),
  'created[gte]': isoTime.optional(),
  'created[lte]': isoTime.optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  status: z.enum(['failed', 'replayed', 'discarded', 'resolved', 'any']).default('failed'),
  limit: queryInteger(1, 100).default(20),
  starting_after: queryInteger(1).optional(),
});

/** `{queue, event_type, error, since, until}` of a replay or discard; open failures only. */
const bulkFilter = z.strictObject({
  queue: text.optional(),
  event_type: text.optional(),
  error: text.optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
});

const selection = {
  ids: z.array(bodyId).min(1).max(1000).optional(),
  filter: bulkFilter.optional(),
};
const oneOf = (b: { ids?: unknown; filter?: unknown }) => (b.ids === undefined) !== (b.filter === undefined);
const oneOfMessage = { message: 'give either ids or filter', path: ['ids'] };

export const replayBody = z
  .strictObject({ ...selection, dry_run: z.boolean().default(false) })
  .refine(oneOf, oneOfMessage);

export const discardBody = z
  .strictObject({ ...selection, reason: storableText(500, { trim: true }) })
  .refine(oneOf, oneOfMessage);

export function toFailureFilter(q: z.output<typeof failureListQuery>): FailureFilter {
  return {
    queue: q.queue,
    eventType: q.event_type,
    error: q.error,
    since: q['created[gte]'] ?? q.since,
    until: q['created[lte]'] ?? q.until,
    status: q.status,
  };
}

export function toFailureSelection(body: {
  ids?: number[];
  filter?: z.output<typeof bulkFilter>;
}): FailureSelection {
  if (body.ids) return { ids: body.ids };
  const f = body.filter ?? {};
  return {
    filter: { queue: f.queue, eventType: f.event_type, error: f.error, since: f.since, until: f.until },
  };
}
