import { parseDuration } from '@licensync/mappers';
import { z } from 'zod';

/**
 * A non-empty string of at most `max` characters. NUL is refused here because Postgres `text`
 * cannot store it and would otherwise turn bad input into a 500.
 */
export function plainText(max = 200) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
}

/** Product, policy and feature codes: they appear in URLs and in Stripe metadata. */
export const codeText = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "_", "." or "-"');

/** A Postgres `integer` column's positive range; larger numbers would fail in the database. */
export const positiveCount = z.int('must be an integer').min(1, 'must be at least 1').max(2_147_483_647);

/** `N` + `d|w|m|y`, the same format as the `valid_duration` price metadata. */
export const durationText = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, 'must be a duration such as 30d, 2w, 6m or 1y');

/**
 * A JSON object of names to values. Zod's record skips a `__proto__` key without a word (assigning
 * it would set the prototype), so it is refused by name instead of vanishing from what is stored.
 */
export function namedValues<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .unknown()
    .superRefine((input, ctx) => {
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
        ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'is a reserved name' });
      }
    })
    .pipe(z.record(key, value));
}
