import type { Logger } from 'pino';

/**
 * Runs shutdown steps one after another, each even when an earlier one threw, so a failing close
 * (Redis already gone, say) never leaves the database pool or the HTTP server open.
 */
export async function closeInOrder(steps: (() => Promise<unknown>)[], logger: Logger): Promise<void> {
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'shutdown step failed');
    }
  }
}
