import type { Duration } from './duration';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Adds a duration in UTC. Months and years clamp to the last day of the target month
 * (Jan 31 + 1m = Feb 28/29) instead of overflowing into the next month like `Date` does.
 */
export function addDuration(date: Date, duration: Duration): Date {
  if (duration.unit === 'd' || duration.unit === 'w') {
    const days = duration.unit === 'd' ? duration.count : duration.count * 7;
    return new Date(date.getTime() + days * DAY_MS);
  }
  const months = duration.unit === 'm' ? duration.count : duration.count * 12;
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDayOfTargetMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDayOfTargetMonth));
  return result;
}
