import { z } from 'zod';
import { deliveryEnvVars } from './delivery-env-vars';
import { hubspotCardEnvVars } from './hubspot-card-env-vars';
import { licenseApiEnvVars } from './license-api-env-vars';
import { resyncEnvVars } from './resync-env-vars';
import { trustProxyVar } from './trust-proxy';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable licensync reads. Parsed once at start-up by `loadConfig`; the typed
 * result is passed down and nothing else reads `process.env`.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .url()
    .default('postgres://postgres@127.0.0.1:5432/licensync')
    .describe('PostgreSQL connection string'),
  DATABASE_PASSWORD: z
    .string()
    .optional()
    .describe('Password for DATABASE_URL, kept out of the URL (e.g. DATABASE_PASSWORD_FILE=/run/secrets/…)'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379').describe('Redis connection string for BullMQ'),
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^\s,:]+(:\d{1,5})?(,[^\s,:]+(:\d{1,5})?)*$/, 'a list host:port,host:port')
    .optional()
    .describe('Set = Redis Cluster seeded from these nodes (REDIS_URL lends credentials and TLS only)'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^(\{[a-z0-9_-]+\})?[a-z0-9_-]*$/i, 'letters, digits, "_" or "-", optionally after a {hash tag}')
    .min(1)
    .default('licensync')
    .describe(
      'BullMQ key prefix; tests use one per file; on a Redis Cluster it must start with a hash tag, e.g. {licensync}',
    ),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface the api and the worker port listen on; 0.0.0.0 in the image'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of the api'),
  WORKER_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3001)
    .describe('HTTP port of the worker: /healthz, /readyz, /metrics'),
  PUBLIC_URL: z.url().default('http://localhost:3000').describe('URL the api is reached at from outside'),
  TRUST_PROXY: trustProxyVar,
  ALERT_WEBHOOK_URL: z
    .url()
    .optional()
    .describe('Slack-compatible incoming webhook that hears of every job that failed for good'),
  ADMIN_TOKEN: z
    .string()
    .min(16)
    .default('dev-admin-token-change-me')
    .describe('Bearer token of the admin API'),
  ENCRYPTION_KEY: z
    .base64()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .default('bGljZW5zeW5jLWRldmVsb3BtZW50LWtleS0wMDAwMDA=')
    .describe('Seals tokens, keys and signing secrets at rest (AES-256-GCM); `openssl rand -base64 32`'),
  ENCRYPTION_KEYS_OLD: z
    .string()
    .optional()
    .describe(
      'Comma-separated previous ENCRYPTION_KEYs: they still decrypt; `pnpm secrets:reseal` moves rows to the new key',
    ),
  ADMIN_SIGNIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe(
      'Failed admin sign-ins per address per ADMIN_SIGNIN_WINDOW_S before the address is refused (429)',
    ),
  ADMIN_SIGNIN_WINDOW_S: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('Window of ADMIN_SIGNIN_MAX_FAILURES, in seconds'),
  HUBSPOT_CLIENT_ID: z.string().optional().describe('Client id of the HubSpot public app (OAuth install)'),
  HUBSPOT_CLIENT_SECRET: z.string().optional().describe('Client secret of the HubSpot public app'),
  HUBSPOT_OAUTH_TOKEN_VERSION: z
    .enum(['v3', 'v1'])
    .default('v3')
    .describe('Token endpoint: /oauth/v3/token (answers hub_id) or the deprecated /oauth/v1/token'),
  HUBSPOT_TOKEN_REFRESH_MARGIN_S: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe('An OAuth access token is refreshed when it expires within this many seconds'),
  HUBSPOT_AUTHORIZE_URL: z
    .url()
    .default('https://app.hubspot.com/oauth/authorize')
    .describe("HubSpot's OAuth authorize page (a fake's in tests)"),
  STRIPE_API_KEY: z.string().startsWith('sk_').default('sk_test_licensync_dev').describe('Stripe secret key'),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_')
    .default('whsec_licensync_dev_secret')
    .describe('Signing secret of the Stripe webhook endpoint'),
  STRIPE_APP_SECRET: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Signing secret of the Stripe app (absec_…, the app's details page); unset = /stripe-app/ answers 503",
    ),
  STRIPE_API_BASE: z
    .url()
    .optional()
    .describe('Unset = the real Stripe API; set = a fake or proxy, e.g. http://127.0.0.1:12111'),
  HUBSPOT_API_BASE: z.url().optional().describe('Unset = the real HubSpot API; set = a fake or proxy'),
  HUBSPOT_ACCESS_TOKEN: z.string().optional().describe('Static token (private app / service key)'),
  HUBSPOT_MAX_REQUESTS_PER_10S: z.coerce
    .number()
    .int()
    .positive()
    .default(100)
    .describe('Our budget per HubSpot portal per rolling 10 s, shared by every worker process'),
  HUBSPOT_SEARCH_PER_SECOND: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe('Search API calls per portal per second (HubSpot: 5, counted apart from the rest)'),
  HUBSPOT_SYNC_POLL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .default(500)
    .describe('How often the outbox is checked for pending HubSpot intents'),
  HUBSPOT_STATUS_SWEEP_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(60_000)
    .describe('How often licenses that expired and invoices that became overdue are queued for HubSpot'),
  HUBSPOT_CLAIM_LEASE_MS: z.coerce
    .number()
    .int()
    .min(100)
    .optional()
    .describe(
      'How long claimed sync intents stay claimed unless their batch renews them; unset = 2 × JOB_LOCK_MS, at least 30 s',
    ),
  OUTBOX_RETENTION_DAYS: z.coerce
    .number()
    .positive()
    .default(7)
    .describe('Sync intents that reached HubSpot are deleted this many days later'),
  OUTBOX_PURGE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(3_600_000)
    .describe('How often the worker deletes old sync intents'),
  OUTBOX_PURGE_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('Most sync intents one purge deletes (in statements of up to 1000 rows); the rest wait'),
  MIGRATE_ON_START: bool.default(false).describe('Apply migrations when the process starts'),
  WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
  WEBHOOK_BYTES_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(1_048_576)
    .default(33_554_432)
    .describe('Webhook body bytes held at once across requests; beyond it new ones get 429 (bounds memory)'),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10_000)
    .describe('A request not fully received after this is cut off with 408 (slow bodies)'),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5_000)
    .describe('Request headers not fully received after this are cut off (slow headers)'),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(5),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).default(8).describe('Attempts for transient failures'),
  JOB_BACKOFF_MS: z.coerce.number().int().min(1).default(2000).describe('Base of the exponential backoff'),
  JOB_LOCK_MS: z.coerce
    .number()
    .int()
    .min(500)
    .default(30_000)
    .describe('Lock of an active job; a stalled job is retried after it'),
  RELAY_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5000)
    .describe('How often pending inbox rows are re-enqueued'),
  RELAY_MIN_AGE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5000)
    .describe('How old a pending inbox row must be to relay'),
  RELAY_STUCK_AFTER_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(60_000)
    .describe(
      'A queued inbox row still pending after this long has its job checked (lost, or failed unrecorded)',
    ),
  ...resyncEnvVars,
  ...hubspotCardEnvVars,
  ...deliveryEnvVars,
  ...licenseApiEnvVars,
});

export type Config = z.infer<typeof envSchema>;
