const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/**
 * HubSpot takes every property value as a string; an empty string clears the value, so "unknown"
 * is written as '' rather than left out (a stale value would otherwise stay).
 */
export const hubspotValue = {
  text: (v: string | null | undefined): string => v ?? '',
  number: (v: number | null | undefined): string => (v == null ? '' : String(v)),
  bool: (v: boolean | null | undefined): string => (v == null ? '' : String(v)),
  /** Date properties hold a day: HubSpot refuses a timestamp that is not midnight UTC. */
  date: (v: Date | null | undefined): string => (v ? v.toISOString().slice(0, 10) : ''),
  datetime: (v: Date | null | undefined): string => (v ? v.toISOString() : ''),
  /** Stripe amounts are in minor units; HubSpot currency properties show major units. */
  money: (amount: number | null | undefined, currency: string | null | undefined): string => {
    if (amount == null) return '';
    return ZERO_DECIMAL.has((currency ?? '').toLowerCase()) ? String(amount) : (amount / 100).toFixed(2);
  },
  list: (values: readonly string[]): string => values.join('; '),
};
