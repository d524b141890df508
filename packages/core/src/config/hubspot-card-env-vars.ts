import { z } from 'zod';

/** The variables of the HubSpot deal card's association cache; part of `envSchema`. */
export const hubspotCardEnvVars = {
  HUBSPOT_DEAL_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(60_000)
    .describe('How long a deal’s associations read from HubSpot are used before they are read again'),
  HUBSPOT_DEAL_CACHE_STALE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(3_600_000)
    .describe('How long an outdated copy may still be shown (marked stale) while a fresh read is queued'),
  HUBSPOT_CARD_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(5000)
    .default(1000)
    .describe('Longest a deal card call waits for a queued HubSpot read before answering { pending: true }'),
};
