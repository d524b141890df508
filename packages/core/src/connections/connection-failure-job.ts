import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobFailures } from '../db/schema/index';
import { QUEUES } from '../queues/names';

/** The `job_failures.job_name` of a broken HubSpot connection: one row per connection. Persisted: never rename. */
export const CONNECTION_FAILURE_JOB = 'connection';

/** The workspace's HubSpot connection works again: its open connection failure is resolved. */
export async function resolveHubspotConnectionFailures(db: DbOrTx, workspaceId: string): Promise<void> {
  await db
    .update(jobFailures)
    .set({ status: 'resolved', updatedAt: new Date() })
    .where(
      and(
        eq(jobFailures.workspaceId, workspaceId),
        eq(jobFailures.queue, QUEUES.hubspotSync),
        eq(jobFailures.jobName, CONNECTION_FAILURE_JOB),
        eq(jobFailures.status, 'failed'),
      ),
    );
}
