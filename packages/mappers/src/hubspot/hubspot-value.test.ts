import { describe, expect, it } from 'vitest';
import { hubspotValue as v } from './hubspot-value';

describe('hubspotValue', () => {
  it.each([
    ['a date is the UTC day, whatever the time', v.date(new Date('2026-03-01T23:59:59Z')), '2026-03-01'],
    ['no date clears the value', v.date(null), ''],
    ['a datetime is ISO-8601', v.datetime(new Date('2026-03-01T10:00:00Z')), '2026-03-01T10:00:00.000Z'],
    ['euro cents become euros', v.money(4990, 'eur'), '49.90'],
    ['yen have no minor unit', v.money(4990, 'JPY'), '4990'],
    ['no amount clears the value', v.money(null, 'eur'), ''],
    ['false stays false, not empty', v.bool(false), 'false'],
    ['zero stays zero, not empty', v.number(0), '0'],
    ['lists are joined with "; "', v.list(['a', 'b']), 'a; b'],
  ])('%s', (_rule, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
