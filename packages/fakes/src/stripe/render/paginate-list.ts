import type Stripe from 'stripe';
import { optionalInt, optionalString } from '../http/coerce.js';
import type { FormParams } from '../http/parse-form.js';
import { StripeApiError } from '../http/stripe-api-error.js';

/** Parameters every Stripe list endpoint accepts, for use in a route's ParamSpec. */
export const LIST_PARAMS = { limit: true, starting_after: true, ending_before: true } as const;

/**
 * One page of a list in Stripe's envelope. `items` must already be in list order (newest first);
 * `starting_after` pages forward, `ending_before` pages back, `limit` is 1–100 (default 10).
 */
export function paginateList<T extends { id: string }>(
  items: T[],
  params: FormParams,
  url: string,
): Stripe.ApiList<T> {
  const limit = optionalInt(params.limit, 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw StripeApiError.invalid(
      'This value must be greater than or equal to 1 and less than or equal to 100.',
      'limit',
    );
  }
  const startingAfter = optionalString(params.starting_after, 'starting_after');
  const endingBefore = optionalString(params.ending_before, 'ending_before');
  const positionOf = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index === -1) throw StripeApiError.resourceMissing('object', id, param);
    return index;
  };

  if (endingBefore !== undefined) {
    const end = positionOf(endingBefore, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter === undefined ? 0 : positionOf(startingAfter, 'starting_after') + 1;
  return {
    object: 'list',
    data: items.slice(start, start + limit),
    has_more: start + limit < items.length,
    url,
  };
}
