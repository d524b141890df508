import type { Policy } from './types';

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every((v) => v === ''));

/**
 * The `overrides` of a create-order body: only the policy's fields that have a value. A chosen end date
 * wins over the policy's default duration (licensync refuses both at once).
 */
export function overridesToSend(policy: Policy, values: Record<string, unknown>): Record<string, unknown> {
  const known = new Set(policy.fields.map((f) => f.name));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!known.has(name) || isEmpty(value)) continue;
    out[name] =
      typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, string>).filter(([, v]) => v !== ''))
        : value;
  }
  if (out.validUntil !== undefined) delete out.validDuration;
  return out;
}
