import type { Config, Db, InboxWriter, Logger, Metrics, Queues } from '@licensync/core';
import type { Redis } from 'ioredis';
import type Stripe from 'stripe';

/** What the api needs, built by `main.ts` (or a test) and handed to `createApp`. */
export interface AppDeps {
  config: Config;
  db: Db;
  redis: Redis;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  stripe: Stripe;
  /** Group-committed inbox inserts, queued after commit. */
  inbox: InboxWriter;
  /** The workspace that unscoped routes (e.g. `/webhooks/stripe`) belong to. */
  defaultWorkspaceId: string;
}
