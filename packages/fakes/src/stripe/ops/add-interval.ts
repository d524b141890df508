import type Stripe from 'stripe';

const DAY = 86_400;

/**
 * `time` moved forward by `count` intervals, in UTC. Months clamp to the month's last day
 * (Jan 31 + 1 month = Feb 28/29), as Stripe's billing anchors do.
 */
export function addInterval(time: number, interval: Stripe.Price.Recurring.Interval, count = 1): number {
  if (interval === 'day') return time + count * DAY;
  if (interval === 'week') return time + count * 7 * DAY;
  const months = interval === 'year' ? 12 * count : count;
  const date = new Date(time * 1000);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return Math.floor(date.getTime() / 1000);
}

/**
 * The end of the period after one ending at `currentEnd`, counted from the billing anchor so a
 * subscription started on the 31st bills on the last day of short months and the 31st again after.
 */
export function nextPeriodEnd(
  anchor: number,
  currentEnd: number,
  interval: Stripe.Price.Recurring.Interval,
  count = 1,
): number {
  let periods = 1;
  while (addInterval(anchor, interval, count * periods) <= currentEnd) periods += 1;
  return addInterval(anchor, interval, count * periods);
}
