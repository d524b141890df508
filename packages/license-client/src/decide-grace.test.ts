import { describe, expect, it } from 'vitest';
import { decideGrace } from './decide-grace.js';
import type { LicenseState } from './types.js';

const DAY = 86_400_000;
const checkedAt = new Date('2026-12-01T00:00:00Z');
const license = (over: Partial<LicenseState> = {}) =>
  ({ enabled: true, valid_until: null, ...over }) as LicenseState;
const at = (ms: number) => new Date(checkedAt.getTime() + ms);

describe('decideGrace', () => {
  it.each([
    ['a check within the grace period stands in', { license: license(), checkedAt }, at(DAY), true],
    ['the grace period ends', { license: license(), checkedAt }, at(7 * DAY), false],
    ['no kept check, no grace', null, at(0), false],
    ['a disabled license gets no grace', { license: license({ enabled: false }), checkedAt }, at(1), false],
    [
      'a license past its valid_until gets no grace',
      { license: license({ valid_until: at(DAY).toISOString() }), checkedAt },
      at(2 * DAY),
      false,
    ],
    [
      'a license valid beyond now keeps its grace',
      { license: license({ valid_until: at(30 * DAY).toISOString() }), checkedAt },
      at(2 * DAY),
      true,
    ],
    [
      'a check from the future (clock set back) gets no grace',
      { license: license(), checkedAt },
      at(-DAY),
      false,
    ],
  ])('%s', (_rule, kept, now, usable) => {
    expect(decideGrace(kept, 7 * DAY, now).usable).toBe(usable);
  });

  it('says until when', () => {
    expect(decideGrace({ license: license(), checkedAt }, DAY, at(1))).toEqual({
      usable: true,
      graceUntil: at(DAY),
    });
  });
});
