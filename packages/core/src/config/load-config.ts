import type { z } from 'zod';
import { type Config, envSchema } from './env-schema';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once. Empty strings count as unset so that `.env` files with blank
 * lines fall back to defaults. Throws a one-line error naming the first bad variable.
 */
export function loadConfig<S extends z.ZodType = typeof envSchema>(
  env: Record<string, string | undefined>,
  schema: S = envSchema as unknown as S,
): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.') || '(environment)';
    throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}`);
  }
  refuseDevSecretsInProduction(parsed.data as Record<string, unknown>);
  refuseUntaggedPrefixOnCluster(parsed.data as Record<string, unknown>);
  return parsed.data;
}

/** Values that ship in defaults and `.env.example`: anyone could forge webhooks or call the admin API. */
const DEV_SECRETS: Record<string, RegExp> = {
  ADMIN_TOKEN: /^(dev-admin-token-change-me|change-me.*)$/,
  STRIPE_WEBHOOK_SECRET: /^whsec_(licensync_dev_secret|\.\.\.)$/,
};

function refuseDevSecretsInProduction(config: Record<string, unknown>): void {
  if (config.NODE_ENV !== 'production') return;
  for (const [name, placeholder] of Object.entries(DEV_SECRETS)) {
    const value = config[name];
    if (typeof value === 'string' && placeholder.test(value)) {
      throw new ConfigError(
        `Invalid environment variable ${name}: set a real secret in production, not the example value`,
      );
    }
  }
}

export type { Config };

/**
 * BullMQ's scripts touch several keys of a queue at once, and the rate limiter two keys of a
 * portal: on a cluster they must share a slot, which a `{hash tag}` at the prefix's start ensures.
 */
function refuseUntaggedPrefixOnCluster(config: Record<string, unknown>): void {
  if (config.REDIS_CLUSTER_NODES === undefined) return;
  if (typeof config.QUEUE_PREFIX === 'string' && config.QUEUE_PREFIX.startsWith('{')) return;
  throw new ConfigError(
    'Invalid environment variable QUEUE_PREFIX: with REDIS_CLUSTER_NODES it must start with a hash tag, e.g. {licensync}',
  );
}
