import type Stripe from 'stripe';
import type { Duration, DurationUnit } from './duration';

const UNIT_BY_INTERVAL: Record<Stripe.Price.Recurring.Interval, DurationUnit> = {
  day: 'd',
  week: 'w',
  month: 'm',
  year: 'y',
};

/** A recurring price's billing period (`interval` × `interval_count`) as a license duration. */
export function toBillingPeriodDuration(
  recurring: Pick<Stripe.Price.Recurring, 'interval' | 'interval_count'>,
): Duration {
  return { count: recurring.interval_count, unit: UNIT_BY_INTERVAL[recurring.interval] };
}
