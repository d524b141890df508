import { describe, expect, it } from 'vitest';
import { toRequestHash } from './to-request-hash';

describe('toRequestHash', () => {
  it.each([
    ['key order does not matter', { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }],
    ['an undefined field is an absent one', { a: 1, b: undefined }, { a: 1 }],
    ['a date is its ISO time', { at: new Date('2026-01-01T00:00:00Z') }, { at: '2026-01-01T00:00:00.000Z' }],
  ])('same request: %s', (_rule, a, b) => {
    expect(toRequestHash(a)).toBe(toRequestHash(b));
  });

  it.each([
    ['another value', { quantity: 2 }, { quantity: 3 }],
    ['list order matters', { features: ['a', 'b'] }, { features: ['b', 'a'] }],
    ['a string is not a number', { n: 1 }, { n: '1' }],
  ])('another request: %s', (_rule, a, b) => {
    expect(toRequestHash(a)).not.toBe(toRequestHash(b));
  });
});
