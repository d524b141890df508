import { z } from 'zod';
import { QUEUES } from '../names';
import type { JobRetry } from './job-retry';

/**
 * Reads a deal's associated contacts and companies (with their names) through the portal's rate
 * limiter and puts them in the short-lived cache the deal card reads. Enqueued by the card on a
 * miss; the card never waits for HubSpot itself.
 */
export const readDealAssociationsJob = {
  name: 'read-deal-associations',
  queue: QUEUES.dealAssociations,
  schema: z.object({ workspaceId: z.uuid(), dealId: z.string().regex(/^\d+$/) }),
  /** One read per deal at a time; removed when done, so the next miss can enqueue again. */
  jobId: (workspaceId: string, dealId: string) => `deal-${workspaceId}-${dealId}`,
  /** One try: the card asks again on its next poll, with a fresh read. */
  retry: (): JobRetry => ({ attempts: 1, backoffMs: 0 }),
} as const;

export type ReadDealAssociationsPayload = z.infer<typeof readDealAssociationsJob.schema>;
