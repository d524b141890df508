import type { Logger } from '@licensync/core/logging';

export interface IntervalLoop {
  /** Runs the step now unless a run is under way; resolves when this run ends. */
  runNow(): Promise<void>;
  /** No new runs; resolves once a run under way has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `step` every `ms`, never two at once: a tick that finds the previous run still going is
 * skipped rather than queued, so a slow database cannot pile runs up. A failing step is logged
 * and simply tried again on the next tick.
 */
export function everyInterval(
  ms: number,
  step: () => Promise<void>,
  options: { logger: Logger; what: string },
): IntervalLoop {
  let running: Promise<void> | null = null;
  const runNow = () => {
    if (running) return running;
    running = step()
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        options.logger.warn({ err: message }, `${options.what} failed; will try again`);
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), ms);
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
