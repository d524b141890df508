import { describe, expect, it } from 'vitest';
import { createLicenseRowCache, FLOATING_TTL_MS } from './license-row-cache';
import type { LicenseRow } from './read-license-state';

const row = (licenseId: string, workspaceId = 'ws-1', floatingInUse = 0) =>
  ({ license: { id: licenseId, workspaceId }, activationId: 'a', floatingInUse }) as unknown as LicenseRow;

describe('createLicenseRowCache', () => {
  it('keeps a row for its ttl, by the caller clock either way', () => {
    const cache = createLicenseRowCache({ ttlMs: 5000 });
    cache.set('k', row('l1'), 10_000, cache.begin());
    expect(cache.get('k', 14_999)?.license.id).toBe('l1');
    expect(cache.get('k', 5_001)?.license.id).toBe('l1');
    expect(cache.get('k', 15_000)).toBeNull();
  });

  it('keeps a row with floating seats in use at most a second', () => {
    const cache = createLicenseRowCache({ ttlMs: 5000 });
    cache.set('k', row('l1', 'ws-1', 1), 0, cache.begin());
    expect(cache.get('k', FLOATING_TTL_MS - 1)).not.toBeNull();
    expect(cache.get('k', FLOATING_TTL_MS)).toBeNull();
  });

  it('drops a license, or a whole workspace, when told', () => {
    const cache = createLicenseRowCache({ ttlMs: 5000 });
    for (const [k, l, w] of [
      ['a', 'l1', 'ws-1'],
      ['b', 'l1', 'ws-1'],
      ['c', 'l2', 'ws-1'],
      ['d', 'l3', 'ws-2'],
    ] as const)
      cache.set(k, row(l, w), 0, cache.begin());
    cache.invalidate('ws-1', 'l1');
    expect([cache.get('a', 0), cache.get('b', 0)]).toEqual([null, null]);
    expect(cache.get('c', 0)).not.toBeNull();
    cache.invalidate('ws-1', '*');
    expect(cache.get('c', 0)).toBeNull();
    expect(cache.get('d', 0)).not.toBeNull();
  });

  it('stores nothing read while a change arrived', () => {
    const cache = createLicenseRowCache({ ttlMs: 5000 });
    const token = cache.begin();
    cache.invalidate('ws-1', 'other');
    cache.set('k', row('l1'), 0, token);
    expect(cache.get('k', 0)).toBeNull();
  });

  it('caches nothing while disabled or with a ttl of 0', () => {
    const off = createLicenseRowCache({ ttlMs: 0 });
    off.set('k', row('l1'), 0, off.begin());
    expect(off.get('k', 0)).toBeNull();
    const cache = createLicenseRowCache({ ttlMs: 5000 });
    cache.set('k', row('l1'), 0, cache.begin());
    cache.setEnabled(false);
    expect(cache.get('k', 0)).toBeNull();
    cache.set('k', row('l1'), 0, cache.begin());
    expect(cache.size).toBe(0);
  });
});
