import type { JobsOptions } from 'bullmq';

/** Retry policy for transient failures: exponential backoff with jitter, bounded history in Redis. */
export function retryingJobOptions(opts: { attempts: number; backoffMs: number }): JobsOptions {
  return {
    attempts: opts.attempts,
    backoff: { type: 'exponential', delay: opts.backoffMs, jitter: 0.5 },
    removeOnComplete: { count: 1000, age: 24 * 3600 },
    // Final failures live in Postgres (job_failures); Redis keeps a window for the dashboard.
    removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
  };
}
