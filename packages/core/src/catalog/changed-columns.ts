import { isDeepStrictEqual } from 'node:util';

/**
 * The entries of `next` that differ from `existing`. Deep equality, because jsonb columns come
 * back with their keys reordered and a textual comparison would report a change on every import.
 */
export function changedColumns<T extends object>(existing: T, next: Partial<T>): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (!isDeepStrictEqual(existing[key], next[key])) changed[key] = next[key];
  }
  return changed;
}
