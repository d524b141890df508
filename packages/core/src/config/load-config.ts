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
  return parsed.data;
}

/** Values that ship in defaults and `.env.example`: anyone could forge webhooks or call the admin API. */
const DEV_SECRETS: Record<string, RegExp> = {
  ADMIN_TOKEN: /^(dev-admin-token-change-me|change-me.*)$/,
  STRIPE_WEBHOOK_SECRET: /^whsec_(licensync_dev_secret|\.\.\.)$/,
  ENCRYPTION_KEY: /^bGljZW5zeW5jLWRldmVsb3BtZW50LWtleS0wMDAwMDA=$/,
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
