import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import { dispatchLicenseDeliveries } from '@licensync/core/deliveries';
import { deliverLicenseEmailJob, retryingJobOptions } from '@licensync/core/queues';
import type { Queue } from 'bullmq';

/** One poll of `license_deliveries`: each pending row becomes a `deliver-license-email` job. */
export function createLicenseDeliveryPoll(deps: { db: Db; config: Config; queue: Queue }) {
  const options = retryingJobOptions(deliverLicenseEmailJob.retry(deps.config));
  return async function pollLicenseDeliveries(): Promise<void> {
    for (;;) {
      const n = await dispatchLicenseDeliveries(deps.db, async (work) => {
        await deps.queue.addBulk(
          work.map((w) => ({
            name: deliverLicenseEmailJob.name,
            data: w,
            opts: { ...options, jobId: deliverLicenseEmailJob.jobId(w.deliveryId) },
          })),
        );
      });
      if (n < 200) return;
    }
  };
}
