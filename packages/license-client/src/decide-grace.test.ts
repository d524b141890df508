import { describe, expect, it } from 'vitest';
import { decideGrace, type KeptForGrace } from './decide-grace.js';
import type { LicenseState } from './types.js';

const DAY = 86_400_000;
const checkedAt = new Date('2026-12-01T00:00:00Z');
const license = (over: Partial<LicenseState> = {}) =>
  ({ enabled: true, valid_until: null, ...over }) as LicenseState;
const at = (ms: number) => new Date(checkedAt.getTime() + ms);
const kept = (over: Partial<KeptForGrace> = {}): KeptForGrace => ({
  license: license(),
  checkedAt,
  hardwareId: 'laptop-1',
  lastSeenAt: null,
  ...over,
});

describe('decideGrace', () => {
  it.each([
    ['a check within the grace period stands in', kept(), at(DAY), true],
    ['the grace period ends', kept(), at(7 * DAY), false],
    ['no kept check, no grace', null, at(0), false],
    ['a disabled license gets no grace', kept({ license: license({ enabled: false }) }), at(1), false],
    [
      'a license past its valid_until gets no grace',
      kept({ license: license({ valid_until: at(DAY).toISOString() }) }),
      at(2 * DAY),
      false,
    ],
    [
      'a license valid beyond now keeps its grace',
      kept({ license: license({ valid_until: at(30 * DAY).toISOString() }) }),
      at(2 * DAY),
      true,
    ],
    ['a check from the future (clock set back) gets no grace', kept(), at(-DAY), false],
    ['a check answered for another machine gets no grace', kept({ hardwareId: 'laptop-2' }), at(1), false],
    ['a check without a machine gets no grace', kept({ hardwareId: null }), at(1), false],
    [
      'the clock went back before the last time seen: no grace',
      kept({ lastSeenAt: at(3 * DAY) }),
      at(2 * DAY),
      false,
    ],
    [
      'the clock at or after the last time seen keeps its grace',
      kept({ lastSeenAt: at(2 * DAY) }),
      at(2 * DAY),
      true,
    ],
  ])('%s', (_rule, k, now, usable) => {
    expect(decideGrace(k, 7 * DAY, now, 'laptop-1').usable).toBe(usable);
  });

  it('says until when, and why not', () => {
    expect(decideGrace(kept(), DAY, at(1), 'laptop-1')).toEqual({ usable: true, graceUntil: at(DAY) });
    expect(decideGrace(kept({ lastSeenAt: at(5000) }), DAY, at(1), 'laptop-1')).toMatchObject({
      why: expect.stringContaining('clock moved back'),
    });
    expect(decideGrace(kept({ hardwareId: 'x' }), DAY, at(1), 'laptop-1')).toMatchObject({
      why: expect.stringContaining('another machine'),
    });
  });
});
