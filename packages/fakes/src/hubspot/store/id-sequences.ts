/**
 * Ids are drawn from counters shared by every portal, so the same schema or record created in two
 * portals gets different ids — code that caches an objectTypeId or record id across portals fails.
 */
export interface IdSequences {
  next(kind: 'record' | 'objectType' | 'schema' | 'associationType'): number;
}

const STARTS = { record: 51_000_001, objectType: 1_700_001, schema: 9_000_001, associationType: 301 };

export function createIdSequences(): IdSequences {
  const current = { ...STARTS };
  return { next: (kind) => current[kind]++ };
}
