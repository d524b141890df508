import type { LicenseState } from './types.js';

export type GraceVerdict = { usable: true; graceUntil: Date } | { usable: false; why: string };

/**
 * Whether a kept check may stand in for the server: it is younger than the grace period, and the
 * license in it was enabled and is not past its own `valid_until` now. Pure; `now` is a parameter.
 */
export function decideGrace(
  kept: { license: LicenseState; checkedAt: Date } | null,
  graceMs: number,
  now: Date,
): GraceVerdict {
  if (!kept) return { usable: false, why: 'no check was ever kept' };
  const graceUntil = new Date(kept.checkedAt.getTime() + graceMs);
  if (now.getTime() >= graceUntil.getTime()) {
    return { usable: false, why: `the grace period ended at ${graceUntil.toISOString()}` };
  }
  if (kept.checkedAt.getTime() > now.getTime() + 5 * 60_000) {
    // A check from the future means the clock was set back: do not let it stretch the grace.
    return { usable: false, why: 'the kept check is from the future (the clock moved back)' };
  }
  if (!kept.license.enabled) return { usable: false, why: 'the license was disabled' };
  const validUntil = kept.license.valid_until ? new Date(kept.license.valid_until) : null;
  if (validUntil && validUntil.getTime() <= now.getTime()) {
    return { usable: false, why: `the license expired at ${validUntil.toISOString()}` };
  }
  return { usable: true, graceUntil };
}
