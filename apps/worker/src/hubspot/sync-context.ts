import type { Db, HubspotConnection, HubspotMetrics, HubspotSession, Logger } from '@licensync/core';

/** What one sync batch needs: the workspace, its portal session and where our records live there. */
export interface SyncContext {
  db: Db;
  workspaceId: string;
  connection: HubspotConnection;
  session: HubspotSession;
  objectTypeIds: { licenses: string; subscriptions: string; invoices: string };
  publicUrl: string;
  logger: Logger;
  metrics: HubspotMetrics;
  now(): Date;
}

/** Per record: failed with HubSpot's message, or deferred to a later batch (left pending). */
export interface SyncOutcome {
  failed: Map<string, string>;
  deferred: Set<string>;
}

export const emptyOutcome = (): SyncOutcome => ({ failed: new Map(), deferred: new Set() });
