import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { Queues } from '@licensync/core/queues';
import { createStripeClient } from '@licensync/core/stripe';
import { createRequestPacer } from './create-request-pacer';
import type { ResyncDeps } from './resync-deps';

/** The resyncs' dependencies, with a Stripe client of their own so the pacer sees every request. */
export function createResyncDeps(input: {
  config: Config;
  db: Db;
  logger: Logger;
  queues: Queues;
  stopping: AbortSignal;
}): ResyncDeps {
  // No SDK retries: a slice's own attempts retry, and the pacer then sees every request.
  const stripe = createStripeClient({
    apiKey: input.config.STRIPE_API_KEY,
    apiBase: input.config.STRIPE_API_BASE,
    maxNetworkRetries: 0,
  });
  return {
    ...input,
    stripe,
    pacer: createRequestPacer(stripe, input.config.RESYNC_STRIPE_PER_SECOND),
  };
}
