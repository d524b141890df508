import { recordJobFailure } from '@licensync/core/failures';
import { recordActivity } from '@licensync/core/history';
import { type ClaimedIntent, failSyncIntent } from '@licensync/core/outbox';
import { type HubspotSyncKind, QUEUES } from '@licensync/core/queues';
import type { SyncContext } from './sync-context';

/**
 * A record HubSpot refused for good: the intent is failed with HubSpot's message and a
 * `job_failures` row lets operators see and replay it (setting the intent back to pending).
 */
export async function failIntent(
  ctx: SyncContext,
  kind: HubspotSyncKind,
  intent: ClaimedIntent,
  message: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await failSyncIntent(tx, intent.id, message);
    await recordJobFailure(tx, {
      workspaceId: ctx.workspaceId,
      queue: QUEUES.hubspotSync,
      jobName: `sync-${kind}`,
      jobId: `outbox-${intent.id}`,
      attempts: intent.attempts,
      errors: [{ attempt: intent.attempts, at: new Date().toISOString(), message }],
      // The shape the failures replay reads: the intents it may reopen.
      payload: {
        workspaceId: ctx.workspaceId,
        kind,
        intentIds: [intent.id],
        objectId: intent.objectId,
        portalId: ctx.session.portalId,
      },
    });
    await recordActivity(tx, {
      workspaceId: ctx.workspaceId,
      kind: 'hubspot.sync.failed',
      subjects: [`${kind}:${intent.objectId}`, `hubspot-portal:${ctx.session.portalId}`],
      outcome: 'error',
      message,
    });
  });
  ctx.logger.warn({ kind, objectId: intent.objectId, err: message }, 'HubSpot refused a record');
}
