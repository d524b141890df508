/**
 * How urgent an intent is; the sync worker claims lower numbers first. A live change (a license
 * provisioned, disabled, extended) must reach HubSpot within seconds, so it goes ahead of any
 * backlog that bulk work (a resync, a failures replay) leaves behind.
 */
export const SYNC_PRIORITY = { live: 0, bulk: 1 } as const;

export type SyncPriority = keyof typeof SYNC_PRIORITY;
