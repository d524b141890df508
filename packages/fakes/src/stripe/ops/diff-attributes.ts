import { isDeepStrictEqual } from 'node:util';

/** `data.previous_attributes`: the old value of every top-level key that changed (arrays/lists whole). */
export function diffAttributes(before: object, after: object): Record<string, unknown> {
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(next)])) {
    if (!isDeepStrictEqual(old[key], next[key])) changed[key] = old[key] ?? null;
  }
  return changed;
}
