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
  return parsed.data;
}

export type { Config };
