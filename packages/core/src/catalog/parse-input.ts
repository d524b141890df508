import type { z } from 'zod';
import { InvalidInputError } from '../errors/invalid-input-error';

/**
 * Parses caller input, or throws an `InvalidInputError` naming every bad field by its path.
 * `prefix` is prepended to each path when the input sits inside a larger document.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const parsed = schema.safeParse(input, { error: toMessage });
  if (parsed.success) return parsed.data;
  // A Map, then fromEntries: assigning `fields['__proto__']` would set the prototype and lose the name.
  const fields = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = toFieldPath(key === undefined ? issue.path : [...issue.path, key], prefix);
      if (!fields.has(path)) fields.set(path, issue.message);
    }
  }
  throw new InvalidInputError(Object.fromEntries(fields));
}

/** `['products', 2, 'license_type']` → `products[2].license_type`; the empty path is `body`. */
export function toFieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'body' : out;
}

// Zod's defaults read "Invalid input: expected string, received undefined"; callers fix their
// request faster with "required" and the list of allowed values.
function toMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'unrecognized_keys') return 'unknown field';
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.join(', ')}`;
  return undefined;
}
