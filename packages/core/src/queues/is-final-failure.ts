import { classifyError } from '../errors/classify-error';

/** What a failed BullMQ job tells us about itself. */
export interface FailedJob {
  attemptsMade: number;
  opts: { attempts?: number };
}

/**
 * The one rule for "this job will not run again": a permanent error, or the last attempt of a
 * transient one. `attemptsMade` counts the attempts before the one that just failed.
 */
export function isFinalFailure(job: FailedJob, err: unknown): boolean {
  // BullMQ's own give-up signal, whoever threw it.
  if (err instanceof Error && err.name === 'UnrecoverableError') return true;
  if (classifyError(err) === 'permanent') return true;
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
