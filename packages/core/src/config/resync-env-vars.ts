import { z } from 'zod';
import { cronPatternProblem } from './cron-pattern-problem';

/** The variables of resyncs and of stopping and reconnecting the worker; part of `envSchema`. */
export const resyncEnvVars = {
  RESYNC_CRON: z
    .string()
    .superRefine((v, ctx) => {
      const problem = cronPatternProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('0 3 * * *')
    .describe('When scheduled resyncs run (UTC); a workspace setting `resyncCron` overrides it'),
  RESYNC_PAGE_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(100)
    .describe('Records per resync page (Stripe lists at most 100)'),
  RESYNC_STRIPE_PER_SECOND: z.coerce
    .number()
    .positive()
    .default(20)
    .describe('Stripe requests per second a resync may make; live webhook handling is not counted'),
  RESYNC_SLICE_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Attempts of one resync page or record before it is listed as a failed slice'),
  RESYNC_STRIPE_LOOKBACK_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe(
      'How far back (days before the run started) a stripe-reconcile looks for one-off payments, refunds and disputes',
    ),
  RESYNC_SETTLE_CHECK_MS: z.coerce
    .number()
    .int()
    .min(50)
    .default(5000)
    .describe('How often a hubspot-resync that wrote its intents checks whether HubSpot took them'),
  RESYNC_SETTLE_STALL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(3_600_000)
    .describe('A hubspot-resync ends failed when none of its intents settled for this long'),
  WORKER_STOP_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15_000)
    .describe(
      'On SIGTERM, how long a running resync may take to reach its next checkpoint; after it the worker stops anyway and the run resumes from its last checkpoint',
    ),
  HUBSPOT_CONNECT_RETRY_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(1000)
    .describe(
      'First wait before connecting HubSpot again when it failed at start; doubles up to a minute, until it connects',
    ),
};
