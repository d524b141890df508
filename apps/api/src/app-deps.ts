import type { Config, Db, Logger, Metrics, Queues, RedisConnection } from '@licensync/core';
import type Stripe from 'stripe';

/** What the api needs, built by `main.ts` (or a test) and handed to `createApp`. */
export interface AppDeps {
  config: Config;
  db: Db;
  redis: RedisConnection;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  stripe: Stripe;
  /** The workspace that unscoped routes (e.g. `/webhooks/stripe`) belong to. */
  defaultWorkspaceId: string;
}
