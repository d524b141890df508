import { z } from 'zod';
import { QUEUES } from '../names';
import type { JobRetry, RetryConfig } from './job-retry';

/**
 * POSTs one outbound event to one endpoint. Enqueued by the outbound-event poller (round 0) and by
 * a replay (a later round, so it runs even while BullMQ still holds the first job).
 */
export const deliverWebhookJob = {
  name: 'deliver-webhook',
  queue: QUEUES.webhooks,
  schema: z.object({ workspaceId: z.uuid(), endpointId: z.uuid(), eventId: z.string().min(1) }),
  /** BullMQ refuses ':' in custom ids. */
  jobId: (eventId: string, endpointId: string, round: number | string) =>
    `webhook-${eventId}-${endpointId}-${round}`,
  /** Each attempt waits at most this long for the receiver's answer. */
  timeoutMs: 10_000,
  /** Receivers are often down for minutes: more attempts than other jobs, same backoff base. */
  retry: (config: RetryConfig): JobRetry => ({
    attempts: Math.max(8, config.JOB_ATTEMPTS),
    backoffMs: config.JOB_BACKOFF_MS,
  }),
} as const;

export type DeliverWebhookPayload = z.infer<typeof deliverWebhookJob.schema>;
