import { z } from 'zod';

const DIGITS = /^\d{1,15}$/;

/**
 * A whole number from a query string or path: digits only. `Number()` would read `0x10`, `1e2`,
 * `" 5 "` and `5.0` as numbers too, so a typo would quietly ask for something else.
 */
export function queryInteger(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(DIGITS, 'must be an integer (digits only)')
    .transform(Number)
    .pipe(z.int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

/** The id in a path such as `/failures/12`, or undefined for anything that is not plain digits. */
export function toPathId(raw: string): number | undefined {
  if (!DIGITS.test(raw)) return undefined;
  const id = Number(raw);
  return id >= 1 && Number.isSafeInteger(id) ? id : undefined;
}

/** A positive whole JSON number: `true`, `"1"` and `1.5` are refused rather than coerced. */
export const bodyId = z.int('must be a positive integer').positive('must be a positive integer');

/** Non-empty text that Postgres `text` can hold (it cannot hold NUL), at most `max` characters. */
export function storableText(max: number, opts: { trim?: boolean } = {}) {
  const base = opts.trim ? z.string().trim() : z.string();
  return base
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
}

// Postgres timestamps have no year 0 (1 BC) and JavaScript's Date reaches past 9999 only with a sign.
const MIN_TIME = Date.UTC(1, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An ISO 8601 time from year 1 to 9999, as a Date. */
export const isoTime = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time')
  .transform((s) => new Date(s))
  .refine(
    (d) => d.getTime() >= MIN_TIME && d.getTime() <= MAX_TIME,
    'must be an ISO 8601 time from year 1 to 9999',
  );
