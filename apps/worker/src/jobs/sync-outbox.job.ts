import { classifyError } from '@licensync/core/errors';
import { claimLeaseMs, deferPendingSyncIntents, renewClaimsWhile } from '@licensync/core/outbox';
import { type HubspotSyncKind, hubspotSyncJob } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import {
  getHubspotConnection,
  type HubspotConnection,
  HubspotRequestError,
  isConnectionError,
  markHubspotConnectionError,
  PortalPausedError,
} from '@licensync/hubspot';
import type { Job } from 'bullmq';
import { eq } from 'drizzle-orm';
import { markSynced } from '../hubspot/mark-synced';
import type { SyncContext } from '../hubspot/sync-context';
import { SYNC_BATCH_SIZE, syncOutboxBatch } from '../hubspot/sync-outbox-batch';
import type { JobHandler } from './job-handler';

/** A job hands over after this long so one busy kind cannot hold a worker slot indefinitely. */
const MAX_JOB_MS = 60_000;

/**
 * Runs one `hubspot-sync` job: drains a workspace's pending intents of one kind, 100 at a time,
 * until none are left. Idempotent because every batch writes the records' current state with
 * upserts keyed by our ids. Terminal per record when HubSpot refuses it (the rest still land).
 * A paused portal ends the job at once, its work due again when the pause ends, so it never holds
 * a worker slot other portals need. A connection HubSpot refuses (401/403, or a schema it will not
 * deploy) is set to `error` with one `job_failures` row and is not polled until it is active again.
 */
export const createSyncOutbox: JobHandler = (workerDeps) => {
  const deps = {
    db: workerDeps.db,
    config: workerDeps.config,
    logger: workerDeps.hubspot.logger,
    metrics: workerDeps.hubspot.metrics,
    portals: workerDeps.hubspot.portals,
    refresher: workerDeps.hubspot.refresher,
  };
  const slugs = new Map<string, string>();
  // A slug never changes, so one lookup per workspace and process is enough.
  const workspaceSlug = async (workspaceId: string) => {
    if (!slugs.has(workspaceId)) {
      const [row] = await deps.db
        .select({ slug: schema.workspaces.slug })
        .from(schema.workspaces)
        .where(eq(schema.workspaces.id, workspaceId));
      slugs.set(workspaceId, row?.slug ?? 'default');
    }
    return slugs.get(workspaceId)!;
  };
  return async function processHubspotSync(job: Job): Promise<string> {
    const { workspaceId, kind } = hubspotSyncJob.schema.parse(job.data);
    const stored = await getHubspotConnection(deps.db, workspaceId);
    if (!stored?.enabled || stored.status !== 'active') return 'no active connection';
    const connection = await deps.refresher.fresh(stored);
    if (connection.status !== 'active') return `connection ${connection.status}: work parked`;
    if (connection.syncToggles[`${kind}s`] === false) return `${kind} sync is off`;
    let deployed = false;
    try {
      const { session, objectTypeIds } = await deps.portals.ready(connection);
      deployed = true;
      const ctx: SyncContext = {
        db: deps.db,
        workspaceId,
        connection,
        session,
        objectTypeIds,
        links: { publicUrl: deps.config.PUBLIC_URL, workspaceSlug: await workspaceSlug(workspaceId) },
        logger: deps.logger.child({ workspaceId, portalId: session.portalId, kind }),
        metrics: deps.metrics,
        now: () => new Date(),
        async redeploy() {
          deps.portals.forget(connection.id);
          const ready = await deps.portals.ready(
            (await getHubspotConnection(deps.db, workspaceId)) ?? connection,
          );
          ctx.session = ready.session;
          ctx.objectTypeIds = ready.objectTypeIds;
        },
      };
      return await drain(ctx, kind);
    } catch (err) {
      if (err instanceof PortalPausedError) {
        // Not-yet-claimed intents wait too, or the poller would start a job per poll until then.
        await deferPendingSyncIntents(deps.db, { workspaceId, kind, until: new Date(err.untilMs) });
        return `portal paused until ${new Date(err.untilMs).toISOString()}`;
      }
      const refused = isConnectionError(err) || (!deployed && classifyError(err) === 'permanent');
      if (!refused) throw err;
      await stopConnection(connection, err);
      return 'connection refused by HubSpot';
    }
  };

  async function drain(ctx: SyncContext, kind: HubspotSyncKind) {
    const started = Date.now();
    let claimed = 0;
    // A short lease, renewed while the job runs: a dead worker's claims come back soon.
    const leaseMs = claimLeaseMs(deps.config);
    await renewClaimsWhile({ db: deps.db, leaseMs }, async () => {
      for (;;) {
        const n = await syncOutboxBatch(ctx, kind, {
          leaseMs,
          maxAttempts: deps.config.JOB_ATTEMPTS,
          backoffMs: deps.config.JOB_BACKOFF_MS,
        });
        claimed += n;
        if (n < SYNC_BATCH_SIZE || Date.now() - started > MAX_JOB_MS) break;
        // A disconnect stops the sync at the next batch; what is left stays pending (parked).
        const now = await getHubspotConnection(deps.db, ctx.workspaceId);
        if (now?.status !== 'active' || !now.enabled) break;
        if (now.accessToken !== ctx.connection.accessToken) {
          ctx.connection = await deps.refresher.fresh(now);
          ctx.session = (await deps.portals.ready(ctx.connection)).session;
        }
      }
    });
    if (claimed > 0) await markSynced(deps.db, ctx.connection.id);
    return `claimed ${claimed}`;
  }

  async function stopConnection(connection: HubspotConnection, err: unknown) {
    deps.portals.forget(connection.id);
    const status = err instanceof HubspotRequestError ? `HTTP ${err.status} ` : '';
    const detail = err instanceof Error ? err.message : String(err);
    const reason = isConnectionError(err)
      ? `HubSpot refused the token (${status}${detail})`
      : `deploying the HubSpot schema failed (${status}${detail})`;
    if (await markHubspotConnectionError(deps.db, connection, reason)) {
      deps.logger.error(
        { workspaceId: connection.workspaceId, portalId: connection.portalId, reason },
        'HubSpot connection stopped',
      );
    }
  }
};
