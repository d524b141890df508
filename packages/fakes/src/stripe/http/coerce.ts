import type { FormValue } from './parse-form.js';
import { StripeApiError } from './stripe-api-error.js';

// Form encoding carries only strings; these read them back the way Stripe validates them.

export function optionalString(value: FormValue | undefined, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw StripeApiError.invalid(`Invalid string: ${param}`, param);
  return value;
}

export function requiredString(value: FormValue | undefined, param: string): string {
  const text = optionalString(value, param);
  if (text === undefined || text === '') throw StripeApiError.missingParameter(param);
  return text;
}

export function optionalInt(value: FormValue | undefined, param: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw StripeApiError.invalid(`Invalid integer: ${String(value)}`, param);
  }
  return Number(value);
}

export function optionalBool(value: FormValue | undefined, param: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw StripeApiError.invalid(`Invalid boolean: ${String(value)}`, param);
}

/** Metadata as Stripe treats updates: keys merge, an empty value unsets a key, `metadata=` clears all. */
export function mergeMetadata(
  current: Record<string, string>,
  value: FormValue | undefined,
): Record<string, string> {
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw StripeApiError.invalid('Invalid object', 'metadata');
  }
  const next = { ...current };
  for (const [key, entry] of Object.entries(value)) {
    if (entry === '') delete next[key];
    else if (typeof entry === 'string') next[key] = entry;
    else throw StripeApiError.invalid(`Invalid string: metadata[${key}]`, `metadata[${key}]`);
  }
  return next;
}

export function asRecord(
  value: FormValue | undefined,
  param: string,
): { [key: string]: FormValue } | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw StripeApiError.invalid('Invalid hash', param);
  return value;
}

export function asList(value: FormValue | undefined, param: string): FormValue[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') return Object.values(value);
  throw StripeApiError.invalid('Invalid array', param);
}
