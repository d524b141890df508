/** The part of the configuration a job's retry policy reads. */
export interface RetryConfig {
  JOB_ATTEMPTS: number;
  JOB_BACKOFF_MS: number;
}

/** Attempts in all (the first included) and the base of the exponential backoff, in ms. */
export interface JobRetry {
  attempts: number;
  backoffMs: number;
}

/** The default for jobs that follow `JOB_ATTEMPTS` / `JOB_BACKOFF_MS`. */
export const configuredRetry = (config: RetryConfig): JobRetry => ({
  attempts: config.JOB_ATTEMPTS,
  backoffMs: config.JOB_BACKOFF_MS,
});
