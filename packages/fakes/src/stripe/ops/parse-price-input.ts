import {
  asRecord,
  mergeMetadata,
  optionalBool,
  optionalInt,
  optionalString,
  requiredString,
} from '../http/coerce.js';
import type { FormParams } from '../http/parse-form.js';
import { StripeApiError } from '../http/stripe-api-error.js';
import type { PriceInput, RecurringInterval } from '../objects/build-price.js';

const INTERVALS: RecurringInterval[] = ['day', 'week', 'month', 'year'];

/** `POST /v1/prices` parameters as a PriceInput, with Stripe's validation messages. */
export function parsePriceInput(params: FormParams): PriceInput {
  const unitAmount = optionalInt(params.unit_amount, 'unit_amount');
  if (unitAmount === undefined) throw StripeApiError.missingParameter('unit_amount');
  const recurring = asRecord(params.recurring, 'recurring');
  let interval: RecurringInterval | undefined;
  if (recurring) {
    const value = requiredString(recurring.interval, 'recurring[interval]');
    if (!INTERVALS.includes(value as RecurringInterval)) {
      throw StripeApiError.invalid(
        `Invalid recurring[interval]: must be one of day, month, week, or year`,
        'recurring[interval]',
      );
    }
    interval = value as RecurringInterval;
  }
  return {
    product: requiredString(params.product, 'product'),
    currency: requiredString(params.currency, 'currency'),
    unit_amount: unitAmount,
    recurring: interval
      ? { interval, interval_count: optionalInt(recurring?.interval_count, 'recurring[interval_count]') }
      : null,
    nickname: optionalString(params.nickname, 'nickname'),
    lookup_key: optionalString(params.lookup_key, 'lookup_key'),
    active: optionalBool(params.active, 'active'),
    metadata: mergeMetadata({}, params.metadata),
  };
}
