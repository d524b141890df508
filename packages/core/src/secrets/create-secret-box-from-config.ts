import type { Config } from '../config/env-schema';
import { createSecretBox, type SecretBox } from './secret-box';

/** The process's secret box from `ENCRYPTION_KEY` and the comma-separated `ENCRYPTION_KEYS_OLD`. */
export function createSecretBoxFromConfig(
  config: Pick<Config, 'ENCRYPTION_KEY' | 'ENCRYPTION_KEYS_OLD'>,
): SecretBox {
  const oldKeys = (config.ENCRYPTION_KEYS_OLD ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return createSecretBox({ key: config.ENCRYPTION_KEY, oldKeys });
}
