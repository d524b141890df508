import { recoverResyncRuns, registerResyncSchedulers } from '@licensync/core/resyncs';
import type { ResyncDeps } from './resync-deps';

/**
 * Registers the per-workspace job schedulers and re-enqueues runs whose job was lost, in the
 * background: neither may hold up live events or a stop signal, so failures are logged. Resolves
 * once both are done (or failed).
 */
export function startResyncBookkeeping(deps: ResyncDeps): Promise<void> {
  const { config, db, logger, queues } = deps;
  const retry = { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
  return (async () => {
    // The producer connection does not queue commands while it connects.
    await queues.resyncs.waitUntilReady();
    await registerResyncSchedulers(db, queues.resyncs, config.RESYNC_CRON);
    const recovered = await recoverResyncRuns(db, queues.resyncs, retry);
    if (recovered.length > 0) logger.info({ recovered }, 're-enqueued resync runs whose job was gone');
  })().catch((err: Error) => {
    logger.warn({ err: err.message }, 'resync schedulers or recovery failed; will try on next start');
  });
}
