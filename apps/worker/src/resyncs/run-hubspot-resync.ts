import type { Db } from '@licensync/core/db';
import { PermanentError } from '@licensync/core/errors';
import { enqueueSyncIntent } from '@licensync/core/outbox';
import {
  countResyncIntents,
  countResyncRecords,
  listResyncRecordIds,
  RESYNC_RECORD_ORDER,
  type ResolvedScope,
  type ResyncProgressState,
  type ResyncRun,
  saveResyncProgress,
} from '@licensync/core/resyncs';
import { getHubspotConnection } from '@licensync/hubspot';
import { atCheckpoint } from './at-checkpoint';
import type { HubspotResyncCheckpoint } from './hubspot-resync-checkpoint';
import type { ResyncDeps } from './resync-deps';
import { settleHubspotResync } from './settle-hubspot-resync';
import { withAttempts } from './with-attempts';

type Writing = Exclude<HubspotResyncCheckpoint, { phase: 'settling' }>;

/**
 * Ledger → HubSpot. Writes a bulk-priority sync intent tagged with the run for every customer,
 * subscription, invoice and license of the scope, a page at a time; the HubSpot sync worker drains
 * them in batches after any live change and upserts, which also recreates records deleted in
 * HubSpot. Each page's intents and checkpoint commit in one transaction, so a resumed run continues
 * after the last page kept; intents coalesce with pending ones, so a page written twice costs
 * nothing. Then the run settles (see `settleHubspotResync`): it returns `settling` while HubSpot has
 * not answered for every record, and the job looks again later; `finished` when the run may end.
 */
export async function runHubspotResync(
  run: ResyncRun,
  scope: ResolvedScope,
  deps: ResyncDeps,
): Promise<'settling' | 'finished'> {
  const { db, config } = deps;
  const workspaceId = run.workspaceId;
  const retry = { attempts: config.RESYNC_SLICE_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
  let state: ResyncProgressState = {
    done: run.done,
    total: run.total,
    failedSlices: run.failedSlices,
    checkpoint: run.checkpoint ?? { kind: RESYNC_RECORD_ORDER[0], afterId: null },
    report: { customers: 0, subscriptions: 0, invoices: 0, licenses: 0, ...run.report },
  };
  if (state.total === null) {
    let total = 0;
    for (const kind of RESYNC_RECORD_ORDER)
      total += await countResyncRecords(db, { workspaceId, scope, kind });
    state = { ...state, total };
    await saveResyncProgress(db, run.id, state);
  }
  const connection = await getHubspotConnection(db, workspaceId);
  if (state.total !== 0 && (!connection?.enabled || connection.status !== 'active')) {
    // Intents would wait for a connection that may never come; say so instead.
    throw new PermanentError('no active HubSpot connection');
  }

  const start = state.checkpoint as unknown as Writing;
  for (const kind of RESYNC_RECORD_ORDER.slice(RESYNC_RECORD_ORDER.indexOf(start.kind))) {
    let afterId = kind === start.kind ? start.afterId : null;
    for (;;) {
      await atCheckpoint(deps);
      const from = state;
      const page = await withAttempts(retry, () =>
        db.transaction(async (tx) => {
          const ids = await listResyncRecordIds(tx, {
            workspaceId,
            scope,
            kind,
            afterId,
            limit: config.RESYNC_PAGE_SIZE,
          });
          if (ids.length === 0) return { ids, next: from };
          await enqueueSyncIntent(tx, workspaceId, kind, ids, { priority: 'bulk', resyncRunId: run.id });
          const report = from.report as Record<string, number>;
          const next: ResyncProgressState = {
            ...from,
            checkpoint: { kind, afterId: ids.at(-1)! } satisfies Writing,
            report: { ...report, [`${kind}s`]: (report[`${kind}s`] ?? 0) + ids.length },
          };
          await saveResyncProgress(tx as unknown as Db, run.id, next);
          return { ids, next };
        }),
      );
      if (!page.ok) {
        // Pages fail together (the database), not one by one: stop and let the operator rerun.
        const slice = `${kind}s after ${afterId ?? 'start'}`;
        await saveResyncProgress(db, run.id, {
          ...state,
          failedSlices: [...state.failedSlices, { slice, error: page.error }],
        });
        return 'finished';
      }
      state = page.value.next;
      if (page.value.ids.length < config.RESYNC_PAGE_SIZE) break;
      afterId = page.value.ids.at(-1)!;
    }
  }

  const { settled } = await countResyncIntents(db, run.id);
  const checkpoint: HubspotResyncCheckpoint = {
    phase: 'settling',
    settled,
    progressAt: new Date().toISOString(),
  };
  const written = { ...state, checkpoint };
  await saveResyncProgress(db, run.id, written);
  return (await settleHubspotResync(run.id, written, deps)) === 'settled' ? 'finished' : 'settling';
}
