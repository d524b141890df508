import { describe, expect, it } from 'vitest';
import { formatProgress } from './format-progress';

describe('formatProgress', () => {
  it.each([
    ['total not known yet', { done: 0, total: null, etaSeconds: null }, 'r 0 done, counting…'],
    ['total counted as 0', { done: 0, total: 0, etaSeconds: null }, 'r 0 done, counting…'],
    ['no rate yet', { done: 0, total: 10, etaSeconds: null }, 'r [          ] 0/10 0%'],
    [
      'an infinite eta',
      { done: 1, total: 10, etaSeconds: Number.POSITIVE_INFINITY },
      'r [=         ] 1/10 10%',
    ],
    ['half way', { done: 5, total: 10, etaSeconds: 75 }, 'r [=====     ] 5/10 50% · eta 1m 15s'],
    ['more done than counted', { done: 12, total: 10, etaSeconds: 0 }, 'r [==========] 12/10 100% · eta 0s'],
    ['hours left', { done: 1, total: 1000, etaSeconds: 7300 }, 'r [          ] 1/1000 0% · eta 2h 01m'],
  ])('%s', (_name, state, line) => {
    const text = formatProgress({ label: 'r', ...state }, 10);
    expect(text).toBe(line);
    expect(text).not.toMatch(/NF|NaN|Infinity| 0\/0/);
  });
});
