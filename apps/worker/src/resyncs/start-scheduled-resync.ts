import type { ResyncKind } from '@licensync/core/queues';
import { ResyncConflictError, requestResync } from '@licensync/core/resyncs';
import * as schema from '@licensync/core/schema';
import { and, eq } from 'drizzle-orm';
import type { ResyncDeps } from './resync-deps';

/**
 * What a job scheduler fires: requests a workspace-wide run of one kind. When a run of that kind
 * is still queued or running (a slow night, an operator's run) this tick is skipped, not queued
 * behind it. Idempotent because the active-run index admits one run per kind and scope.
 */
export async function startScheduledResync(
  input: { workspaceId: string; kind: ResyncKind },
  deps: ResyncDeps,
): Promise<string> {
  const { config } = deps;
  if (input.kind === 'hubspot-resync' && !(await hasActiveHubspotConnection(deps, input.workspaceId))) {
    // A Stripe-only install has nothing to resync in HubSpot; a failed run every night would only be noise.
    return 'skipped: no active HubSpot connection';
  }
  try {
    const run = await requestResync({
      db: deps.db,
      queue: deps.queues.resyncs,
      workspaceId: input.workspaceId,
      kind: input.kind,
      scope: 'workspace',
      requestedBy: 'scheduler',
      retry: { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS },
    });
    return `requested ${run.id}`;
  } catch (err) {
    if (!(err instanceof ResyncConflictError)) throw err;
    deps.logger.info({ ...input, activeRunId: err.activeRunId }, 'scheduled resync skipped: one is active');
    return `skipped: ${err.activeRunId} is active`;
  }
}

async function hasActiveHubspotConnection(deps: ResyncDeps, workspaceId: string): Promise<boolean> {
  const { hubspotConnections } = schema;
  const [connection] = await deps.db
    .select({ id: hubspotConnections.id })
    .from(hubspotConnections)
    .where(
      and(
        eq(hubspotConnections.workspaceId, workspaceId),
        eq(hubspotConnections.status, 'active'),
        eq(hubspotConnections.enabled, true),
      ),
    );
  return connection !== undefined;
}
