import {
  countResyncIntents,
  type FailedSlice,
  listFailedResyncRecords,
  type ResyncProgressState,
  saveResyncProgress,
} from '@licensync/core/resyncs';
import type { HubspotResyncCheckpoint } from './hubspot-resync-checkpoint';
import type { ResyncDeps } from './resync-deps';

/** Refused records listed one slice each; beyond this, one slice says how many more. */
const MAX_LISTED_RECORDS = 100;

/**
 * One look at a written hubspot-resync: `done` becomes the run's intents HubSpot answered for (done
 * or failed), `total` the intents it wrote. Returns `settled` once none is pending or processing,
 * with every record HubSpot refused as a failed slice, or when none settled for
 * `RESYNC_SETTLE_STALL_MS` (the connection is off, a kind's sync toggled off); else `settling`.
 */
export async function settleHubspotResync(
  runId: string,
  state: ResyncProgressState,
  deps: ResyncDeps,
): Promise<'settling' | 'settled'> {
  const { db, config } = deps;
  const checkpoint = state.checkpoint as Extract<HubspotResyncCheckpoint, { phase: 'settling' }>;
  const counts = await countResyncIntents(db, runId);
  const now = new Date();
  const progressAt = counts.settled > checkpoint.settled ? now.toISOString() : checkpoint.progressAt;
  const open = counts.total - counts.settled;
  const stalled = open > 0 && now.getTime() - Date.parse(progressAt) > config.RESYNC_SETTLE_STALL_MS;
  const failedSlices: FailedSlice[] = [...state.failedSlices];
  if (open === 0 || stalled) {
    failedSlices.push(...(await listFailedResyncRecords(db, runId, MAX_LISTED_RECORDS)));
    if (counts.failed > MAX_LISTED_RECORDS) {
      const more = counts.failed - MAX_LISTED_RECORDS;
      failedSlices.push({
        slice: 'records',
        error: `${more} more refused by HubSpot (see the failures API)`,
      });
    }
  }
  if (stalled) {
    const minutes = Math.round(config.RESYNC_SETTLE_STALL_MS / 60_000);
    failedSlices.push({
      slice: 'run',
      error: `${open} record(s) not synced: none reached HubSpot for ${minutes} min (connection or sync toggle off?)`,
    });
  }
  await saveResyncProgress(db, runId, {
    report: state.report,
    total: counts.total,
    done: counts.settled,
    failedSlices,
    checkpoint: { phase: 'settling', settled: counts.settled, progressAt },
  });
  return open === 0 || stalled ? 'settled' : 'settling';
}
