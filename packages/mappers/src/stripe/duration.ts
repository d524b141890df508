/** Metadata duration units: days, weeks, months, years. */
export type DurationUnit = 'd' | 'w' | 'm' | 'y';

/** A calendar duration such as `{ count: 3, unit: 'm' }` (metadata `3m`). */
export interface Duration {
  count: number;
  unit: DurationUnit;
}
