import { optionalInt } from '../http/coerce.js';
import type { FormValue } from '../http/parse-form.js';

/** Stripe's `created` list filter: an exact timestamp or any of `gt`, `gte`, `lt`, `lte`. */
export function matchesCreated(created: number | undefined, filter: FormValue | undefined): boolean {
  if (filter === undefined || created === undefined) return true;
  if (typeof filter === 'string') return created === optionalInt(filter, 'created');
  if (Array.isArray(filter)) return true;
  const bound = (key: string) => optionalInt(filter[key], `created[${key}]`);
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  return (
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte)
  );
}
