import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './config-error';
import { type Config, envSchema } from './env-schema';
import { isLoopbackHost } from './is-loopback-host';
import { resolveFileVariables } from './resolve-file-variables';

export { ConfigError };

/**
 * Parses the environment once. Empty strings count as unset so that `.env` files with blank
 * lines fall back to defaults; `X_FILE` supplies `X` from a file (Docker secrets). Throws a
 * one-line error naming the first bad variable.
 */
export function loadConfig<S extends z.ZodType = typeof envSchema>(
  env: Record<string, string | undefined>,
  schema: S = envSchema as unknown as S,
): z.infer<S> {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
  const known = 'shape' in schema ? Object.keys(schema.shape as object) : [];
  const withFiles = resolveFileVariables(cleaned, known, (path) => readFileSync(path, 'utf8'));
  const parsed = schema.safeParse(withFiles);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.') || '(environment)';
    throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}`);
  }
  const config = parsed.data as Record<string, unknown>;
  refuseDevSecretsWhenExposed(config);
  refuseUntaggedPrefixOnCluster(config);
  if (typeof config.DATABASE_PASSWORD === 'string' && typeof config.DATABASE_URL === 'string') {
    const url = new URL(config.DATABASE_URL);
    url.password = encodeURIComponent(config.DATABASE_PASSWORD);
    config.DATABASE_URL = url.toString();
  }
  return parsed.data;
}

/** Values that ship in defaults and `.env.example`: anyone could forge webhooks or call the admin API. */
const DEV_SECRETS: Record<string, RegExp> = {
  ADMIN_TOKEN: /^(dev-admin-token-change-me|change-me.*)$/,
  STRIPE_WEBHOOK_SECRET: /^whsec_(licensync_dev_secret|\.\.\.)$/,
  ENCRYPTION_KEY: /^bGljZW5zeW5jLWRldmVsb3BtZW50LWtleS0wMDAwMDA=$/,
};

/** In production, or as soon as the api is reachable from other machines, the example secrets are refused. */
function refuseDevSecretsWhenExposed(config: Record<string, unknown>): void {
  const host = typeof config.HOST === 'string' ? config.HOST : '127.0.0.1';
  const where =
    config.NODE_ENV === 'production'
      ? 'in production'
      : isLoopbackHost(host)
        ? undefined
        : `when HOST=${host} listens beyond loopback`;
  if (where === undefined) return;
  for (const [name, placeholder] of Object.entries(DEV_SECRETS)) {
    const value = config[name];
    if (typeof value === 'string' && placeholder.test(value)) {
      throw new ConfigError(
        `Invalid environment variable ${name}: set a real secret ${where}, not the example value`,
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
