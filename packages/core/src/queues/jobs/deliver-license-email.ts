import { z } from 'zod';
import { QUEUES } from '../names';
import type { JobRetry, RetryConfig } from './job-retry';

/**
 * Mails one `license_deliveries` row to its customer. Enqueued by the delivery poller for rows
 * written with new licenses, and by a resend (a new row, so a new job id).
 */
export const deliverLicenseEmailJob = {
  name: 'deliver-license-email',
  queue: QUEUES.deliveries,
  schema: z.object({ workspaceId: z.uuid(), deliveryId: z.uuid() }),
  /** BullMQ refuses ':' in custom ids; one job per delivery row. */
  jobId: (deliveryId: string) => `delivery-${deliveryId}`,
  /** Mail servers greylist and go down for minutes: more attempts than other jobs. */
  retry: (config: RetryConfig): JobRetry => ({
    attempts: Math.max(6, config.JOB_ATTEMPTS),
    backoffMs: config.JOB_BACKOFF_MS,
  }),
} as const;

export type DeliverLicenseEmailPayload = z.infer<typeof deliverLicenseEmailJob.schema>;
