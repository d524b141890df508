import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration';

describe('parseDuration', () => {
  it.each([
    ['30d', { count: 30, unit: 'd' }],
    ['2w', { count: 2, unit: 'w' }],
    ['6m', { count: 6, unit: 'm' }],
    ['1y', { count: 1, unit: 'y' }],
    ['365d', { count: 365, unit: 'd' }],
  ])('%s is a valid duration', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    ['0d', 'zero is not a positive count'],
    ['3x', 'x is not a unit'],
    ['1.5m', 'the count must be whole'],
    ['', 'empty text'],
    ['-1d', 'negative count'],
    ['d', 'missing count'],
    ['12', 'missing unit'],
    ['1M', 'units are lower case'],
    [' 1y', 'surrounding whitespace'],
    ['1 y', 'whitespace between count and unit'],
    ['01d', 'leading zero'],
    ['99999999999999999d', 'count beyond a safe integer'],
  ])('%j is refused (%s)', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
