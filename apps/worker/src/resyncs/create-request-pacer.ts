import type Stripe from 'stripe';

export interface RequestPacer {
  /** Resolves once the requests made so far fit the rate; call it before each unit of work. */
  wait(): Promise<void>;
}

/**
 * Keeps a client's requests at `perSecond` on average: every request the client makes pushes the
 * next free slot `1 / perSecond` s later, and `wait()` sleeps until that slot. A unit of work
 * (e.g. one subscription: two or three requests) runs as a burst, then pays for it.
 */
export function createRequestPacer(stripe: Stripe, perSecond: number): RequestPacer {
  const intervalMs = 1000 / perSecond;
  let freeAt = 0;
  stripe.on('request', () => {
    freeAt = Math.max(freeAt, Date.now()) + intervalMs;
  });
  return {
    async wait() {
      const ms = freeAt - Date.now();
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    },
  };
}
