import type { ChangedField } from './types';

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/**
 * The fields of a draft that differ from the license as loaded: what the rep sees before saving, in the
 * order of `order` (the form's) when given.
 */
export function diffFields(
  original: Record<string, unknown>,
  draft: Record<string, unknown>,
  order: string[] = Object.keys(draft),
): ChangedField[] {
  return order
    .filter((field) => field in draft)
    .filter((field) => !same(original[field], draft[field]))
    .map((field) => ({ field, from: original[field] ?? null, to: draft[field] ?? null }));
}

/** Only the changed fields go to PATCH, so an untouched field is never rewritten. */
export function changesToSend(changes: ChangedField[]): Record<string, unknown> {
  return Object.fromEntries(changes.map((c) => [c.field, c.to]));
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  // A licensync date is midnight UTC of its day: show the day (and the time when it has one).
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(value))
    return value.slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*Z$/.test(value))
    return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
  return String(value);
}
