import { z } from 'zod';

/** The variables of the public license API (`/license/v1`); part of `envSchema`. */
export const licenseApiEnvVars = {
  LICENSE_API_RATE_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .default(600)
    .describe('License API requests per client address per LICENSE_API_RATE_WINDOW_S before 429'),
  LICENSE_API_RATE_PER_KEY: z.coerce
    .number()
    .int()
    .min(1)
    .default(120)
    .describe(
      'License API requests per license key (or user email) per LICENSE_API_RATE_WINDOW_S before 429',
    ),
  LICENSE_API_RATE_WINDOW_S: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe('Window of the license API rate limits, in seconds'),
  LICENSE_CHECK_FLUSH_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(1000)
    .describe('How often the checks buffered by /license/v1/check are written (their last check), in ms'),
  LICENSE_CHECK_CACHE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(5000)
    .describe(
      'How long /license/v1/check reuses what it read for a key and machine, in ms (0 = off); any write to the license, its activations, policy or product ends it at once, and a license with floating seats in use is reread after 1 s',
    ),
  LICENSE_CHECK_SYNC_RESOLUTION_S: z.coerce
    .number()
    .int()
    .min(0)
    .default(900)
    .describe(
      'A license last check reaches HubSpot only once it moved this many seconds: a license checked every second is one HubSpot update per period',
    ),
};
