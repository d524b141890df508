import { describe, expect, it } from 'vitest';
import { stampedName, stampOf, TEMPLATE_DB_PREFIX, TEST_DB_PREFIX } from './test-database';

describe('stamped database names', () => {
  it('carry the second they were made, which the global setup reads back to age leftovers', () => {
    const before = Math.floor(Date.now() / 1000);
    const name = stampedName(TEST_DB_PREFIX);
    const after = Math.floor(Date.now() / 1000);
    expect(name.startsWith(TEST_DB_PREFIX)).toBe(true);
    expect(stampOf(name)).toBeGreaterThanOrEqual(before);
    expect(stampOf(name)).toBeLessThanOrEqual(after);
    expect(stampOf(stampedName(TEMPLATE_DB_PREFIX))).toBeGreaterThanOrEqual(before);
    expect(stampedName(TEST_DB_PREFIX)).not.toBe(name);
  });

  it.each(['postgres', 'licensync', 'licensync_demo', 'licensync_bench', 'licensync_t_123_abcdef12'])(
    'leaves names without a stamp alone: %s',
    (name) => {
      expect(stampOf(name)).toBeUndefined();
    },
  );
});
