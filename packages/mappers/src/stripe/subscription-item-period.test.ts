import { describe, expect, it } from 'vitest';
import { subscriptionItemPeriod } from './subscription-item-period';

describe('subscriptionItemPeriod', () => {
  it('converts the item period from unix seconds', () => {
    expect(
      subscriptionItemPeriod({ current_period_start: 1_767_225_600, current_period_end: 1_769_904_000 }),
    ).toEqual({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-02-01T00:00:00Z'),
    });
  });
});
