import type { Config } from '../config/env-schema';

/**
 * How long a claim of sync intents holds before the reaper hands it back: `HUBSPOT_CLAIM_LEASE_MS`,
 * else twice the job lock and at least 30 s. Short, because a running batch renews it.
 */
export function claimLeaseMs(config: Pick<Config, 'JOB_LOCK_MS' | 'HUBSPOT_CLAIM_LEASE_MS'>): number {
  return config.HUBSPOT_CLAIM_LEASE_MS ?? Math.max(30_000, 2 * config.JOB_LOCK_MS);
}
