import type { LicenseState } from './types.js';

export type GraceVerdict = { usable: true; graceUntil: Date } | { usable: false; why: string };

/** The kept check, as read back from the store (its signature already verified). */
export interface KeptForGrace {
  license: LicenseState;
  /** The server's time of the check (signed). */
  checkedAt: Date;
  /** The machine the server answered for (signed); grace holds only on that machine. */
  hardwareId: string | null;
  /** The latest local time this client saw with the license working; null when unknown. */
  lastSeenAt: Date | null;
}

/**
 * Whether a kept check may stand in for the server on machine `hardwareId`: it was answered for
 * this machine, it is younger than the grace period, the clock did not go back, and the license
 * in it was enabled and is not past its own `valid_until` now. Pure; `now` is a parameter.
 */
export function decideGrace(
  kept: KeptForGrace | null,
  graceMs: number,
  now: Date,
  hardwareId: string,
): GraceVerdict {
  if (!kept) return { usable: false, why: 'no check was ever kept' };
  if (kept.hardwareId !== hardwareId) {
    // A kept check copied from another machine must not license this one.
    return { usable: false, why: 'the kept check was answered for another machine' };
  }
  const graceUntil = new Date(kept.checkedAt.getTime() + graceMs);
  if (now.getTime() >= graceUntil.getTime()) {
    return { usable: false, why: `the grace period ended at ${graceUntil.toISOString()}` };
  }
  if (kept.checkedAt.getTime() > now.getTime() + 5 * 60_000) {
    // A check from the future means the clock was set back: do not let it stretch the grace.
    return { usable: false, why: 'the kept check is from the future (the clock moved back)' };
  }
  if (kept.lastSeenAt && now.getTime() < kept.lastSeenAt.getTime()) {
    // Setting the clock back would replay the grace period: refuse until it is right again.
    return {
      usable: false,
      why: `the clock moved back before ${kept.lastSeenAt.toISOString()}, the last time the license was seen working`,
    };
  }
  if (!kept.license.enabled) return { usable: false, why: 'the license was disabled' };
  const validUntil = kept.license.valid_until ? new Date(kept.license.valid_until) : null;
  if (validUntil && validUntil.getTime() <= now.getTime()) {
    return { usable: false, why: `the license expired at ${validUntil.toISOString()}` };
  }
  return { usable: true, graceUntil };
}
