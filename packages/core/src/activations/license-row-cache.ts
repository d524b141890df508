import type { LicenseRow } from './read-license-state';

/**
 * What a license check read, per (workspace, key, machine, app version), for a short while: a
 * repeated check costs no query. Entries go when Postgres says their license (or the workspace's
 * policies, products or versions) changed — see `listenForLicenseChanges` — and after `ttlMs`
 * anyway, which bounds what no write announces (a floating lease running out). The decision is
 * taken afresh on every check from the cached row, so an expiry date is never cached past.
 * A row with floating seats in use is kept at most `FLOATING_TTL_MS`: its count drops when a
 * lease runs out, which no write announces; without leases in use any change is a write.
 */
export interface LicenseRowCache {
  /** A row read at most `ttlMs` ago (by the caller's clock) and not invalidated since. */
  get(key: string, nowMs: number): LicenseRow | null;
  /** A token to take before the query; `set` stores nothing if a change arrived in between. */
  begin(): number;
  set(key: string, row: LicenseRow, nowMs: number, token: number): void;
  /** A license changed (`licenseId`), or everything of the workspace (`'*'`). */
  invalidate(workspaceId: string, licenseId: string): void;
  /** Forget everything and stop caching (`false`) until told it may again (`true`). */
  setEnabled(enabled: boolean): void;
  readonly size: number;
}

export const licenseRowCacheKey = (
  workspaceId: string,
  licenseKey: string,
  hardwareId: string,
  appVersion: string,
) => `${workspaceId}\u0000${licenseKey}\u0000${hardwareId}\u0000${appVersion}`;

export const FLOATING_TTL_MS = 1000;

interface Entry {
  row: LicenseRow;
  at: number;
  ttl: number;
}

export function createLicenseRowCache(opts: { ttlMs: number; max?: number }): LicenseRowCache {
  const max = opts.max ?? 50_000;
  const entries = new Map<string, Entry>();
  const byLicense = new Map<string, Set<string>>();
  let generation = 0;
  let enabled = opts.ttlMs > 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const keys = byLicense.get(entry.row.license.id);
    keys?.delete(key);
    if (keys?.size === 0) byLicense.delete(entry.row.license.id);
  };
  const clear = () => {
    generation++;
    entries.clear();
    byLicense.clear();
  };
  return {
    get(key, nowMs) {
      if (!enabled) return null;
      const entry = entries.get(key);
      if (!entry) return null;
      // Either way round: a test clock may move back as well as on.
      if (Math.abs(nowMs - entry.at) >= entry.ttl) {
        drop(key);
        return null;
      }
      return entry.row;
    },
    begin: () => generation,
    set(key, row, nowMs, token) {
      if (!enabled || token !== generation) return;
      if (entries.size >= max) clear();
      drop(key);
      const ttl = row.floatingInUse > 0 ? Math.min(opts.ttlMs, FLOATING_TTL_MS) : opts.ttlMs;
      entries.set(key, { row, at: nowMs, ttl });
      const keys = byLicense.get(row.license.id) ?? new Set<string>();
      keys.add(key);
      byLicense.set(row.license.id, keys);
    },
    invalidate(workspaceId, licenseId) {
      generation++;
      if (licenseId !== '*') {
        for (const key of [...(byLicense.get(licenseId) ?? [])]) drop(key);
        return;
      }
      for (const [key, entry] of entries) if (entry.row.license.workspaceId === workspaceId) drop(key);
    },
    setEnabled(on) {
      clear();
      enabled = on && opts.ttlMs > 0;
    },
    get size() {
      return entries.size;
    },
  };
}
