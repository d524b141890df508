type Kind = 'lost' | 'duplicated' | 'wrong' | 'pending';

/** Counts of differences between expected and actual state, with a few examples for the log. */
export interface StateTally {
  /** Events never stored, licenses missing from the ledger, ledger licenses missing in HubSpot. */
  lost: number;
  /** Licenses beyond a purchase's seats, customers or HubSpot records found more than once. */
  duplicated: number;
  /** Present once but wrong: an event failed, a license disabled, a HubSpot record stale. */
  wrong: number;
  /** Not there yet, with its work still queued: an event pending, a sync intent not yet sent. */
  pending: number;
  examples: string[];
}

export function createTally(): StateTally & {
  add(kind: Kind, n: number, why: string): void;
} {
  const tally = {
    lost: 0,
    duplicated: 0,
    wrong: 0,
    pending: 0,
    examples: [] as string[],
    add(kind: Kind, n: number, why: string) {
      if (n <= 0) return;
      tally[kind] += n;
      if (tally.examples.length < 5) tally.examples.push(`${kind}: ${why}`);
    },
  };
  return tally;
}

export type Tally = ReturnType<typeof createTally>;
