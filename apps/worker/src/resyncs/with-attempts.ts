import { classifyError } from '@licensync/core/errors';

export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs one slice of a resync up to `attempts` times with exponential backoff, stopping early on
 * an error that retrying cannot fix. A slice that still fails is the caller's to record; it does
 * not abort the whole run.
 */
export async function withAttempts<T>(
  opts: { attempts: number; backoffMs: number },
  fn: () => Promise<T>,
): Promise<AttemptOutcome<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await fn() };
    } catch (err) {
      if (attempt >= opts.attempts || classifyError(err) === 'permanent') {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      const delay = Math.min(opts.backoffMs * 2 ** (attempt - 1), 30_000);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
