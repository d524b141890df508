import type { Config, Db, Logger, Queues } from '@licensync/core';
import type Stripe from 'stripe';
import type { RequestPacer } from './create-request-pacer';

/** What the resync jobs need; `stripe` is a client of their own so the pacer counts only theirs. */
export interface ResyncDeps {
  db: Db;
  stripe: Stripe;
  pacer: RequestPacer;
  queues: Queues;
  config: Config;
  logger: Logger;
}
