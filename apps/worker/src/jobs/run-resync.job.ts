import { runResyncJob } from '@licensync/core/queues';
import { runResync } from '../resyncs/run-resync';
import { startScheduledResync } from '../resyncs/start-scheduled-resync';
import type { JobHandler } from './job-handler';

/**
 * `run-resync`: a `run` processes one resync run from its checkpoint (see `runResync`); a
 * `schedule` is what a job scheduler fires, and only requests a run.
 */
export const createRunResync: JobHandler = (deps) => async (job, token) => {
  const payload = runResyncJob.schema.parse(job.data);
  return payload.trigger === 'run'
    ? runResync(job, payload.runId, deps.resyncs, token)
    : startScheduledResync(payload, deps.resyncs);
};
