import type { Duration, DurationUnit } from './duration';

const DURATION = /^([1-9]\d*)([dwmy])$/;

/** Parses a metadata duration (`30d`, `2w`, `6m`, `1y`); `undefined` when the text is not one. */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const count = Number(match[1]);
  if (!Number.isSafeInteger(count)) return undefined;
  return { count, unit: match[2] as DurationUnit };
}
