import { z } from 'zod';
import { QUEUES } from '../names';
import { configuredRetry } from './job-retry';

/** Processes one stored provider event. Enqueued by the api and by the relay. */
export const processInboxEventJob = {
  name: 'process-inbox-event',
  queue: QUEUES.inbox,
  schema: z.object({
    inboxEventId: z.number().int().positive(),
    workspaceId: z.uuid(),
    provider: z.enum(['stripe', 'hubspot']),
    type: z.string(),
  }),
  /**
   * BullMQ refuses integer ids and ids with ':'. The round makes a redelivery of a failed event a
   * new job even while BullMQ still keeps the failed one.
   */
  jobId: (inboxEventId: number, round: number) => `inbox-${inboxEventId}-${round}`,
  retry: configuredRetry,
} as const;

export type ProcessInboxEventPayload = z.infer<typeof processInboxEventJob.schema>;
