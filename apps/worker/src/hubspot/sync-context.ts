import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { HubspotConnection, HubspotMetrics, HubspotSession } from '@licensync/hubspot';
import type { ConsoleLinks } from '@licensync/mappers';

/** What one sync batch needs: the workspace, its portal session and where our records live there. */
export interface SyncContext {
  db: Db;
  workspaceId: string;
  connection: HubspotConnection;
  session: HubspotSession;
  objectTypeIds: { licenses: string; subscriptions: string; invoices: string };
  /** Where the record links we write point (the console of this workspace). */
  links: ConsoleLinks;
  logger: Logger;
  metrics: HubspotMetrics;
  now(): Date;
  /** Deploys the schema again (something was deleted in HubSpot) and refreshes this context in place. */
  redeploy(): Promise<void>;
}

/**
 * Per record: failed with HubSpot's message; deferred to a later batch (left pending, e.g. a
 * duplicate key in this batch); or waiting on something else (released with backoff and failed
 * with the reason once its attempts run out).
 */
export interface SyncOutcome {
  failed: Map<string, string>;
  deferred: Set<string>;
  waiting: Map<string, string>;
}

export const emptyOutcome = (): SyncOutcome => ({
  failed: new Map(),
  deferred: new Set(),
  waiting: new Map(),
});
