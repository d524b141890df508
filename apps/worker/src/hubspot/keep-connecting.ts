import type { Logger } from '@licensync/core/logging';

export interface Reconnector {
  /** Resolves once connected (or stopped). */
  connected: Promise<void>;
  /** Resolves when the first attempt ended, whether it connected or not. */
  firstAttempt: Promise<void>;
  stop(): void;
}

/**
 * Tries `connect` until it succeeds, waiting `firstDelayMs`, then twice as long each time up to
 * `maxDelayMs`. HubSpot being down when the worker starts must not stop license provisioning, and
 * must not leave the portal unconnected until the next restart either.
 */
export function keepConnecting(
  connect: () => Promise<void>,
  options: { logger: Logger; firstDelayMs: number; maxDelayMs: number },
): Reconnector {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let firstDone: () => void = () => {};
  const firstAttempt = new Promise<void>((resolve) => {
    firstDone = resolve;
  });
  const connected = (async () => {
    let delay = options.firstDelayMs;
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await connect().finally(firstDone);
        if (attempt > 1) options.logger.info({ attempt }, 'HubSpot connected after retrying');
        return;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        options.logger.error(
          { err: message, attempt, retryInMs: delay },
          'HubSpot connect/deploy failed; retrying',
        );
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, delay);
      });
      delay = Math.min(delay * 2, options.maxDelayMs);
    }
  })();
  return {
    connected,
    firstAttempt,
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}
