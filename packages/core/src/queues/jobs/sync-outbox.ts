import { z } from 'zod';
import { QUEUES } from '../names';
import type { JobRetry, RetryConfig } from './job-retry';

export const SYNC_OBJECT_KINDS = ['customer', 'license', 'subscription', 'invoice'] as const;
export type HubspotSyncKind = (typeof SYNC_OBJECT_KINDS)[number];

/**
 * Drains one workspace's pending outbox intents of one kind into HubSpot. Enqueued by the outbox
 * poller; the job id makes a second enqueue while one is waiting or running a no-op.
 */
export const hubspotSyncJob = {
  name: 'sync-outbox',
  queue: QUEUES.hubspotSync,
  schema: z.object({ workspaceId: z.uuid(), kind: z.enum(SYNC_OBJECT_KINDS) }),
  /** BullMQ refuses ':' in custom ids. */
  jobId: (workspaceId: string, kind: string) => `hubspot-${workspaceId}-${kind}`,
  /** Few attempts: a batch HubSpot refuses is failed per record, and the poller enqueues again. */
  retry: (config: RetryConfig): JobRetry => ({ attempts: 5, backoffMs: config.JOB_BACKOFF_MS }),
} as const;

export type HubspotSyncPayload = z.infer<typeof hubspotSyncJob.schema>;
