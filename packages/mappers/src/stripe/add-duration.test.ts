import { describe, expect, it } from 'vitest';
import { addDuration } from './add-duration';
import type { Duration } from './duration';

describe('addDuration', () => {
  it.each<[string, string, Duration, string]>([
    ['days add exact 24h steps', '2026-03-01T10:00:00Z', { count: 30, unit: 'd' }, '2026-03-31T10:00:00Z'],
    ['weeks are 7 days', '2026-01-01T00:00:00Z', { count: 2, unit: 'w' }, '2026-01-15T00:00:00Z'],
    [
      'a month keeps the day of month',
      '2026-01-15T08:30:00Z',
      { count: 1, unit: 'm' },
      '2026-02-15T08:30:00Z',
    ],
    ['Jan 31 + 1m clamps to Feb 28', '2026-01-31T12:00:00Z', { count: 1, unit: 'm' }, '2026-02-28T12:00:00Z'],
    [
      'Jan 31 + 1m clamps to Feb 29 in a leap year',
      '2028-01-31T00:00:00Z',
      { count: 1, unit: 'm' },
      '2028-02-29T00:00:00Z',
    ],
    ['Mar 31 + 1m clamps to Apr 30', '2026-03-31T00:00:00Z', { count: 1, unit: 'm' }, '2026-04-30T00:00:00Z'],
    ['months roll over the year', '2026-11-30T00:00:00Z', { count: 3, unit: 'm' }, '2027-02-28T00:00:00Z'],
    ['Feb 29 + 1y clamps to Feb 28', '2028-02-29T00:00:00Z', { count: 1, unit: 'y' }, '2029-02-28T00:00:00Z'],
    ['years keep the date', '2026-07-04T23:59:59Z', { count: 2, unit: 'y' }, '2028-07-04T23:59:59Z'],
    ['UTC ignores DST changes', '2026-03-28T12:00:00Z', { count: 2, unit: 'd' }, '2026-03-30T12:00:00Z'],
  ])('%s', (_rule, from, duration, expected) => {
    expect(addDuration(new Date(from), duration).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('does not mutate the given date', () => {
    const date = new Date('2026-01-31T00:00:00Z');
    addDuration(date, { count: 1, unit: 'm' });
    expect(date.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });
});
