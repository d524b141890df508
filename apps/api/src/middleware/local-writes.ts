import type { RequestHandler } from 'express';

/** How long after a write of this process a cached check still waits for the change notifications. */
const SETTLE_MS = 2000;

export interface LocalWrites {
  /** Counts every request that may write (not GET/HEAD/OPTIONS, not a license check). */
  middleware: RequestHandler;
  /** A write is under way here, or ended less than SETTLE_MS ago. */
  recent(): boolean;
}

/**
 * Postgres announces a change to the check cache asynchronously: an admin call that disables a
 * license is answered at commit, and its notification may land a moment later. While this
 * process has just written, a cached check first waits for the notifications to be in (a fence),
 * so the check that follows a disable here is refused; with no write around, it costs nothing.
 */
export function createLocalWrites(now: () => number = Date.now): LocalWrites {
  let inFlight = 0;
  let lastEnded = Number.NEGATIVE_INFINITY;
  return {
    middleware: (req, res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
      if (req.path === '/license/v1/check') return next();
      inFlight++;
      let done = false;
      const end = () => {
        if (done) return;
        done = true;
        inFlight--;
        lastEnded = now();
      };
      res.once('finish', end);
      res.once('close', end);
      next();
    },
    recent: () => inFlight > 0 || now() - lastEnded < SETTLE_MS,
  };
}
