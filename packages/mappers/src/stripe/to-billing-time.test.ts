import { describe, expect, it } from 'vitest';
import { type BillingAnchorFields, toBillingTime } from './to-billing-time';

const unix = (iso: string) => Date.parse(iso) / 1000;
const started = unix('2026-01-17T09:30:00Z');
const sub = (o: Partial<BillingAnchorFields> = {}): BillingAnchorFields => ({
  start_date: started,
  billing_cycle_anchor: started,
  billing_cycle_anchor_config: null,
  trial_end: null,
  ...o,
});

describe('toBillingTime', () => {
  it.each([
    ['an anchor at the start bills on its anniversary', sub(), 'anniversary'],
    ['no anchor is anniversary', sub({ billing_cycle_anchor: null }), 'anniversary'],
    [
      'an anchor at the trial end (where Stripe moves it) is anniversary',
      sub({ trial_end: unix('2026-01-31T09:30:00Z'), billing_cycle_anchor: unix('2026-01-31T09:30:00Z') }),
      'anniversary',
    ],
    [
      'an anchor configuration (day_of_month) is calendar',
      sub({
        billing_cycle_anchor: unix('2026-02-15T00:00:00Z'),
        billing_cycle_anchor_config: { day_of_month: 15 },
      }),
      'calendar',
    ],
    [
      'an anchor on the 1st of a month at midnight UTC is calendar',
      sub({ billing_cycle_anchor: unix('2026-02-01T00:00:00Z') }),
      'calendar',
    ],
    [
      'a subscription started on the 1st at midnight is its own anniversary',
      sub({ start_date: unix('2026-02-01T00:00:00Z'), billing_cycle_anchor: unix('2026-02-01T00:00:00Z') }),
      'anniversary',
    ],
    [
      'an anchor reset mid-month (plan change) bills on that anniversary',
      sub({ billing_cycle_anchor: unix('2026-03-09T14:02:11Z') }),
      'anniversary',
    ],
  ])('%s', (_rule, fields, expected) => {
    expect(toBillingTime(fields)).toBe(expected);
  });
});
