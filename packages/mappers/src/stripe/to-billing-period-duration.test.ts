import { describe, expect, it } from 'vitest';
import { makeRecurring } from './test-fixtures/make-price';
import { toBillingPeriodDuration } from './to-billing-period-duration';

describe('toBillingPeriodDuration', () => {
  it.each([
    ['day', 1, { count: 1, unit: 'd' }],
    ['week', 2, { count: 2, unit: 'w' }],
    ['month', 1, { count: 1, unit: 'm' }],
    ['month', 3, { count: 3, unit: 'm' }],
    ['year', 1, { count: 1, unit: 'y' }],
  ] as const)('every %s × %i becomes %j', (interval, count, expected) => {
    expect(toBillingPeriodDuration(makeRecurring(interval, count))).toEqual(expected);
  });
});
