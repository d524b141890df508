import {
  type Config,
  type Db,
  getHubspotConnection,
  type HubspotMetrics,
  hubspotSyncJob,
  type Logger,
} from '@licensync/core';
import type { Job } from 'bullmq';
import type { PortalSessions } from './create-portal-sessions';
import { SYNC_BATCH_SIZE, syncOutboxBatch } from './sync-outbox-batch';

/** A job hands over after this long so one busy kind cannot hold a worker slot indefinitely. */
const MAX_JOB_MS = 60_000;

/**
 * Runs one `hubspot-sync` job: drains a workspace's pending intents of one kind, 100 at a time,
 * until none are left. Idempotent because every batch writes the records' current state with
 * upserts keyed by our ids. Terminal per record when HubSpot refuses it (the rest still land).
 */
export function createHubspotSyncProcessor(deps: {
  db: Db;
  config: Config;
  logger: Logger;
  metrics: HubspotMetrics;
  portals: PortalSessions;
}) {
  return async function processHubspotSync(job: Job): Promise<string> {
    const { workspaceId, kind } = hubspotSyncJob.schema.parse(job.data);
    const connection = await getHubspotConnection(deps.db, workspaceId);
    if (!connection?.enabled || connection.status !== 'active') return 'no active connection';
    if (connection.syncToggles[`${kind}s`] === false) return `${kind} sync is off`;
    const { session, objectTypeIds } = await deps.portals.ready(connection);
    const ctx = {
      db: deps.db,
      workspaceId,
      connection,
      session,
      objectTypeIds,
      publicUrl: deps.config.PUBLIC_URL,
      logger: deps.logger.child({ workspaceId, portalId: session.portalId, kind }),
      metrics: deps.metrics,
      now: () => new Date(),
    };
    const started = Date.now();
    let claimed = 0;
    for (;;) {
      const n = await syncOutboxBatch(ctx, kind, {
        leaseMs: Math.max(5 * 60_000, deps.config.JOB_LOCK_MS),
        maxAttempts: deps.config.JOB_ATTEMPTS,
        backoffMs: deps.config.JOB_BACKOFF_MS,
      });
      claimed += n;
      if (n < SYNC_BATCH_SIZE || Date.now() - started > MAX_JOB_MS) break;
    }
    return `claimed ${claimed}`;
  };
}
