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
import { sql } from 'drizzle-orm';
import { withMergedAssociations } from './associate-missing';
import { failIntent } from './fail-sync-intent';
import { loadInvoiceRecords, loadSubscriptionRecords } from './load-billing-records';
import { loadLicenseRecords } from './load-license-records';
import { resyncCustomerLicenses } from './resync-customer-licenses';
import type { SyncContext, SyncOutcome } from './sync-context';
import { syncCustomObjectRecords } from './sync-custom-object-records';
import { syncCustomers } from './sync-customers';

/** HubSpot's cap for CRM object batch endpoints. */
export const SYNC_BATCH_SIZE = 100;
/**
 * Batches claimed and synced together: their association pairs share calls (a batch of licenses
 * has ~20 company pairs; five fill one call) while each batch's writes stay at 100.
 */
const BATCHES_PER_CLAIM = 5;
/** How long a license waits for its customer's own sync (see `licensesAwaitingTheirCustomer`). */
const CUSTOMER_FIRST_DELAY_MS = 1000;

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
 * Claims up to 5 × 100 intents of one kind, syncs their records' current state and settles each
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
  let intents = await claimSyncIntents(ctx.db, {
    workspaceId: ctx.workspaceId,
    kind,
    limit: SYNC_BATCH_SIZE * BATCHES_PER_CLAIM,
    leaseMs: opts.leaseMs,
  });
  if (intents.length === 0) return 0;
  const claimed = intents.length;
  if (kind === 'license') {
    const waiting = await licensesAwaitingTheirCustomer(ctx, intents);
    await releaseSyncIntents(
      ctx.db,
      waiting.map((i) => i.id),
      { delayMs: CUSTOMER_FIRST_DELAY_MS, refundAttempt: true },
    );
    intents = intents.filter((i) => !waiting.includes(i));
    if (intents.length === 0) return claimed;
  }
  const intentIds = intents.map((i) => i.id);
  try {
    const outcome = await syncHealingSchema(
      ctx,
      kind,
      intents.map((i) => i.objectId),
    );
    await settle(ctx, kind, intents, outcome, opts);
    return claimed;
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
    if (permanent) return claimed;
    throw err;
  }
}

/**
 * Licenses whose customer is about to be synced by its own intent (due and not tried yet). Synced
 * now, the license would write the customer inline, and the customer's own sync would then queue
 * the license again (its record embeds the customer): two writes of each. A customer whose sync
 * failed before does not hold its licenses back; they sync it inline and wait on it as before.
 */
async function licensesAwaitingTheirCustomer(ctx: SyncContext, intents: ClaimedIntent[]) {
  const rows = await ctx.db.execute<{ id: string }>(sql`
    select l.id::text as id from licenses l
     where l.workspace_id = ${ctx.workspaceId}
       and l.id in (${sql.join(
         intents.map((i) => sql`${i.objectId}::uuid`),
         sql`, `,
       )})
       and exists (select 1 from sync_outbox o
                    where o.workspace_id = l.workspace_id and o.target = 'hubspot'
                      and o.object_kind = 'customer' and o.object_id = l.customer_id::text
                      and o.status = 'pending' and o.attempts = 0 and o.available_at <= now())`);
  const waiting = new Set(rows.rows.map((r) => r.id));
  return intents.filter((i) => waiting.has(i.objectId));
}

/**
 * Syncs once; when HubSpot says a property or object of ours is missing (deleted in the portal
 * while we ran), deploys the schema again and syncs the batch once more. Upserts make the second
 * run safe for the records the first one already wrote.
 */
async function syncHealingSchema(ctx: SyncContext, kind: HubspotSyncKind, ids: string[]) {
  try {
    const outcome = await syncInBatches(ctx, kind, ids);
    if (![...outcome.failed.values()].some(namesMissingProperty)) return outcome;
  } catch (err) {
    if (!isSchemaDriftError(err)) throw err;
  }
  ctx.logger.warn({ kind }, 'HubSpot is missing part of our schema; deploying it again');
  await ctx.redeploy();
  return syncInBatches(ctx, kind, ids);
}

/** The claim in batches of 100, their associations merged; one batch failing fails the claim. */
async function syncInBatches(ctx: SyncContext, kind: HubspotSyncKind, ids: string[]): Promise<SyncOutcome> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += SYNC_BATCH_SIZE) batches.push(ids.slice(i, i + SYNC_BATCH_SIZE));
  const settled = await withMergedAssociations(
    ctx,
    batches.map((batch) => () => SYNCERS[kind](ctx, batch)),
  );
  const outcome: SyncOutcome = { failed: new Map(), deferred: new Set(), waiting: new Map() };
  for (const s of settled) {
    if (s.status === 'rejected') throw s.reason;
    for (const [id, message] of s.value.failed) outcome.failed.set(id, message);
    for (const id of s.value.deferred) outcome.deferred.add(id);
    for (const [id, reason] of s.value.waiting) outcome.waiting.set(id, reason);
  }
  return outcome;
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
