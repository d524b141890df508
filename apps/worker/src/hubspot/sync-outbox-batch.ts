import {
  claimSyncIntents,
  classifyError,
  completeSyncIntents,
  type HubspotSyncKind,
  INVOICE_OBJECT,
  LICENSE_OBJECT,
  releaseSyncIntents,
  SUBSCRIPTION_OBJECT,
} from '@licensync/core';
import { failIntent } from './fail-sync-intent';
import { loadInvoiceRecords, loadSubscriptionRecords } from './load-billing-records';
import { loadLicenseRecords } from './load-license-records';
import type { SyncContext, SyncOutcome } from './sync-context';
import { syncCustomObjectRecords } from './sync-custom-object-records';
import { syncCustomers } from './sync-customers';

/** HubSpot's cap for CRM object batch endpoints. */
export const SYNC_BATCH_SIZE = 100;

const SYNCERS: Record<HubspotSyncKind, (ctx: SyncContext, ids: string[]) => Promise<SyncOutcome>> = {
  customer: syncCustomers,
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
 * Returns how many intents were claimed (0 = nothing left).
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
  try {
    const outcome = await SYNCERS[kind](
      ctx,
      intents.map((i) => i.objectId),
    );
    const done: number[] = [];
    const deferred: number[] = [];
    for (const intent of intents) {
      const error = outcome.failed.get(intent.objectId);
      if (outcome.deferred.has(intent.objectId)) deferred.push(intent.id);
      else if (error !== undefined) await failIntent(ctx, kind, intent, error);
      else done.push(intent.id);
    }
    await completeSyncIntents(ctx.db, done);
    await releaseSyncIntents(ctx.db, deferred, { delayMs: 0 });
    return intents.length;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
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
