import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import { deliverWebhookJob, retryingJobOptions } from '@licensync/core/queues';
import { dispatchOutboundEvents } from '@licensync/core/webhooks';
import type { Queue } from 'bullmq';

/**
 * One poll of `outbound_events`: each pending event becomes a `deliver-webhook` job per subscribed
 * endpoint, then is marked dispatched. A vendor hears of a change within about one poll interval.
 */
export function createOutboundEventPoll(deps: { db: Db; config: Config; queue: Queue }) {
  const options = retryingJobOptions(deliverWebhookJob.retry(deps.config));
  return async function pollOutboundEvents(): Promise<void> {
    for (;;) {
      const n = await dispatchOutboundEvents(deps.db, async (work) => {
        await deps.queue.addBulk(
          work.map((w) => ({
            name: deliverWebhookJob.name,
            data: w,
            opts: { ...options, jobId: deliverWebhookJob.jobId(w.eventId, w.endpointId, 0) },
          })),
        );
      });
      if (n < 200) return;
    }
  };
}
