import { classifyError } from '@licensync/core/errors';
import {
  type ClaimedIntent,
  claimSyncIntents,
  completeSyncIntents,
  releaseSyncIntents,
} from '@licensync/core/outbox';
import type { HubspotSyncKind } from '@licensync/core/queues';
import {
  INVOICE_OBJECT,
  isConnectionError,
  isSchemaDriftError,
  LICENSE_OBJECT,
  namesMissingProperty,
  PortalPausedError,
  SUBSCRIPTION_OBJECT,
} from '@licensync/hubspot';
import { failIntent } from './fail-sync-intent';
import { loadInvoiceRecords, loadSubscriptionRecords } from './load-billing-records';
import { loadLicenseRecords } from './load-license-records';
import { resyncCustomerLicenses } from './resync-customer-licenses';
import type { SyncContext, SyncOutcome } from './sync-context';
import { syncCustomObjectRecords } from './sync-custom-object-records';
import { syncCustomers } from './sync-customers';

/** HubSpot's cap for CRM object batch endpoints. */
export const SYNC_BATCH_SIZE = 100;

const SYNCERS: Record<HubspotSyncKind, (ctx: SyncContext, ids: string[]) => Promise<SyncOutcome>> = {
  customer: async (ctx, ids) => {
    const outcome = await syncCustomers(ctx, ids);
    await resyncCustomerLicenses(
      ctx,
      ids.filter((id) => !outcome.failed.has(id) && !outcome.deferred.has(id)),
    );
    return outcome;
  },
  license: async (ctx, ids) =>
    syncCustomObjectRecords(ctx, LICENSE_OBJECT, await loadLicenseRecords(ctx, ids)),
  subscription: async (ctx, ids) =>
    syncCustomObjectRecords(ctx, SUBSCRIPTION_OBJECT, await loadSubscriptionRecords(ctx, ids)),
  invoice: async (ctx, ids) =>
    syncCustomObjectRecords(ctx, INVOICE_OBJECT, await loadInvoiceRecords(ctx, ids)),
};

export interface BatchOptions {
  /** A claim not finished within this long goes back to pending (the worker is presumed dead). */
  leaseMs: number;
  /** Claims of one intent before a transient failure becomes final. */
  maxAttempts: number;
  backoffMs: number;
}

/**
 * Claims up to 100 intents of one kind, syncs their records' current state and settles each
 * intent: done, failed alone (HubSpot refused that record), or back to pending. A transient failure
 * of the whole batch gives every intent back with backoff and rethrows so BullMQ retries the job.
 * A paused portal (`PortalPausedError`) or a refused connection (401/403) gives them back without
 * using an attempt and rethrows for the processor. Returns how many intents were claimed.
 */
export async function syncOutboxBatch(
  ctx: SyncContext,
  kind: HubspotSyncKind,
  opts: BatchOptions,
): Promise<number> {
  const intents = await claimSyncIntents(ctx.db, {
    workspaceId: ctx.workspaceId,
    kind,
    limit: SYNC_BATCH_SIZE,
    leaseMs: opts.leaseMs,
  });
  if (intents.length === 0) return 0;
  const intentIds = intents.map((i) => i.id);
  try {
    const outcome = await syncHealingSchema(
      ctx,
      kind,
      intents.map((i) => i.objectId),
    );
    await settle(ctx, kind, intents, outcome, opts);
    return intents.length;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof PortalPausedError) {
      await releaseSyncIntents(ctx.db, intentIds, { until: new Date(err.untilMs), refundAttempt: true });
      throw err;
    }
    if (isConnectionError(err)) {
      await releaseSyncIntents(ctx.db, intentIds, { refundAttempt: true, error: message });
      throw err;
    }
    const permanent = classifyError(err) === 'permanent';
    const final = intents.filter((i) => permanent || i.attempts >= opts.maxAttempts);
    for (const intent of final) await failIntent(ctx, kind, intent, message);
    const retry = intents.filter((i) => !final.includes(i));
    const attempt = Math.max(1, ...retry.map((i) => i.attempts));
    await releaseSyncIntents(
      ctx.db,
      retry.map((i) => i.id),
      { delayMs: opts.backoffMs * 2 ** (attempt - 1), error: message },
    );
    if (permanent) return intents.length;
    throw err;
  }
}

/**
 * Syncs once; when HubSpot says a property or object of ours is missing (deleted in the portal
 * while we ran), deploys the schema again and syncs the batch once more. Upserts make the second
 * run safe for the records the first one already wrote.
 */
async function syncHealingSchema(ctx: SyncContext, kind: HubspotSyncKind, ids: string[]) {
  try {
    const outcome = await SYNCERS[kind](ctx, ids);
    if (![...outcome.failed.values()].some(namesMissingProperty)) return outcome;
  } catch (err) {
    if (!isSchemaDriftError(err)) throw err;
  }
  ctx.logger.warn({ kind }, 'HubSpot is missing part of our schema; deploying it again');
  await ctx.redeploy();
  return SYNCERS[kind](ctx, ids);
}

async function settle(
  ctx: SyncContext,
  kind: HubspotSyncKind,
  intents: ClaimedIntent[],
  outcome: SyncOutcome,
  opts: BatchOptions,
): Promise<void> {
  const done: number[] = [];
  const deferred: number[] = [];
  for (const intent of intents) {
    const error = outcome.failed.get(intent.objectId);
    const waitingFor = outcome.waiting.get(intent.objectId);
    if (outcome.deferred.has(intent.objectId)) deferred.push(intent.id);
    else if (waitingFor !== undefined && intent.attempts < opts.maxAttempts) {
      await releaseSyncIntents(ctx.db, [intent.id], {
        delayMs: opts.backoffMs * 2 ** (intent.attempts - 1),
        error: waitingFor,
      });
    } else if (waitingFor !== undefined) await failIntent(ctx, kind, intent, waitingFor);
    else if (error !== undefined) await failIntent(ctx, kind, intent, error);
    else done.push(intent.id);
  }
  await completeSyncIntents(ctx.db, done);
  // Deferred only by a batch-mate (one HubSpot record, two customers): not an attempt of theirs.
  await releaseSyncIntents(ctx.db, deferred, { delayMs: 0, refundAttempt: true });
}
