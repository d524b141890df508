import type * as schema from '@licensync/core/schema';

/**
 * `checkpoint` of a hubspot-resync. While writing: the kind being walked and the last id written in
 * it. Once every intent is written: settling, with how many had settled at the last check and when
 * that number last moved.
 */
export type HubspotResyncCheckpoint =
  | { phase?: 'writing'; kind: schema.SyncObjectKind; afterId: string | null }
  | { phase: 'settling'; settled: number; progressAt: string };

export function isSettling(checkpoint: unknown): boolean {
  return (checkpoint as HubspotResyncCheckpoint | null)?.phase === 'settling';
}
