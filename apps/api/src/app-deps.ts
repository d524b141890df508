import type { LastCheckBuffer, LicenseRowCache } from '@licensync/core/activations';
import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { InboxWriter } from '@licensync/core/inbox';
import type { Logger } from '@licensync/core/logging';
import type { Metrics } from '@licensync/core/metrics';
import type { Queues, RedisConnection } from '@licensync/core/queues';
import type { SecretBox } from '@licensync/core/secrets';
import type Stripe from 'stripe';

/** What the api needs, built by `main.ts` (or a test) and handed to `createApp`. */
export interface AppDeps {
  config: Config;
  db: Db;
  redis: RedisConnection;
  /** The license API's rate-limit counts, auto-pipelined (one write per tick); default `redis`. */
  licenseRateRedis?: RedisConnection;
  queues: Queues;
  logger: Logger;
  metrics: Metrics;
  stripe: Stripe;
  /** Seals and opens stored tokens, keys and signing secrets (ENCRYPTION_KEY). */
  secrets: SecretBox;
  /** Group-committed inbox inserts, queued after commit. */
  inbox: InboxWriter;
  /** The license API's write-behind of checks (their last check), flushed on close. */
  lastChecks: LastCheckBuffer;
  /** What checks read per key and machine, emptied by Postgres change notifications; none = no cache. */
  licenseRowCache?: LicenseRowCache;
  /** Waits until the changes committed so far have reached `licenseRowCache`. */
  licenseChangeFence?: () => Promise<void>;
  /** The clock of the license API; a test may move it. Default: the system clock. */
  now?: () => Date;
  /** The workspace that unscoped routes (e.g. `/webhooks/stripe`) belong to. */
  defaultWorkspaceId: string;
}
