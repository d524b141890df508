import type { FormParams, FormValue } from './parse-form.js';
import { StripeApiError } from './stripe-api-error.js';

/**
 * Which parameters an endpoint accepts: `true` for a scalar, `'map'` for free-form keys (metadata),
 * a nested spec for a hash, and a one-element array for a list of hashes (`items[0][price]`).
 */
export type ParamSpec = { [key: string]: true | 'map' | ParamSpec | [ParamSpec] };

const ALWAYS_ALLOWED: ParamSpec = { expand: true };

/** Throws Stripe's 400 "Received unknown parameter: recurring[foo]" for anything not in the spec. */
export function checkParams(params: FormParams, spec: ParamSpec): void {
  checkLevel(params, { ...ALWAYS_ALLOWED, ...spec }, '');
}

function checkLevel(params: { [key: string]: FormValue }, spec: ParamSpec, prefix: string): void {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    const rule = spec[key];
    if (rule === undefined) throw StripeApiError.unknownParameter(name);
    if (rule === true || rule === 'map' || typeof value === 'string') continue;
    if (Array.isArray(rule)) {
      const items = Array.isArray(value) ? value : Object.values(value);
      items.forEach((item, index) => {
        if (typeof item === 'object' && !Array.isArray(item)) checkLevel(item, rule[0], `${name}[${index}]`);
      });
    } else if (!Array.isArray(value)) {
      checkLevel(value, rule, name);
    }
  }
}
