import type { FormValue } from '../http/parse-form.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import type { StripeRecord } from '../store/stripe-record.js';
import type { StripeStore } from '../store/stripe-store.js';
import { includableFields } from './includable-fields.js';
import { renderObject } from './render-object.js';

/**
 * Stripe refuses expansions more than four levels deep. Only steps that expand something count
 * here, not `data` or plain sub-hashes, so `lines.data.pricing.price_details.price` (one level) passes.
 */
const MAX_DEPTH = 4;

type Json = { [key: string]: unknown };

/**
 * Applies `expand[]` paths to a rendered response: ids become objects, hidden lists (`line_items`,
 * `payments`, `refunds`) are added, and `data` steps into lists, as in `data.price.product`.
 */
export function expandObject(store: StripeStore, value: unknown, expand: FormValue | undefined): unknown {
  const paths = expand === undefined ? [] : Array.isArray(expand) ? expand : [expand];
  for (const path of paths) {
    if (typeof path !== 'string') throw StripeApiError.invalid('Invalid array', 'expand');
    expandPath(store, value, path.split('.'), path, 0);
  }
  return value;
}

function expandPath(
  store: StripeStore,
  value: unknown,
  segments: string[],
  fullPath: string,
  depth: number,
): void {
  const [segment, ...rest] = segments;
  if (segment === undefined || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const entry of value) expandPath(store, entry, segments, fullPath, depth);
    return;
  }
  const owner = value as Json;
  let child = owner[segment];
  let expanded = false;
  if (child === undefined) {
    const include = includableFields[String(owner.object)]?.[segment];
    if (!include) throw cannotExpand(fullPath);
    child = include(store, owner as { id: string });
    expanded = true;
  }
  if (typeof child === 'string') {
    child = resolveId(store, child, fullPath);
    expanded = true;
  }
  const level = depth + (expanded ? 1 : 0);
  if (level > MAX_DEPTH) {
    throw StripeApiError.invalid(
      `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${fullPath}`,
      'expand',
    );
  }
  owner[segment] = child;
  expandPath(store, child, rest, fullPath, level);
}

function resolveId(store: StripeStore, id: string, fullPath: string): unknown {
  const record = store.find<StripeRecord>(id);
  if (!record) throw cannotExpand(fullPath);
  return renderObject(store, record);
}

function cannotExpand(path: string): StripeApiError {
  return StripeApiError.invalid(`This property cannot be expanded (${path}).`, 'expand');
}
