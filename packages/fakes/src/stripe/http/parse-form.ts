/** A decoded Stripe request: nested objects and arrays of strings, as Stripe's form encoding allows. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

/**
 * Decodes Stripe's form encoding (`a[b]=c`, `items[0][price]=…`, `expand[]=…`) from a query string
 * or an `application/x-www-form-urlencoded` body. Objects whose keys are all indices become arrays.
 */
export function parseForm(encoded: string): FormParams {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const [head, ...rest] = splitKey(rawKey);
    if (head === undefined) continue;
    assign(root, head, rest, value);
  }
  return toArrays(root) as FormParams;
}

function splitKey(key: string): string[] {
  const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(key);
  if (!match) return [key];
  const path = [...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? '');
  return [match[1] ?? key, ...path];
}

function assign(target: Record<string, unknown>, key: string, rest: string[], value: string): void {
  const [next, ...tail] = rest;
  if (next === undefined) {
    target[key] = value;
    return;
  }
  const child = (typeof target[key] === 'object' ? target[key] : {}) as Record<string, unknown>;
  target[key] = child;
  // `expand[]=a&expand[]=b` appends, like Rack and qs do.
  const slot = next === '' ? String(Object.keys(child).length) : next;
  assign(child, slot, tail, value);
}

function toArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const converted = Object.fromEntries(keys.map((key) => [key, toArrays(record[key])]));
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => converted[key]);
  }
  return converted;
}
