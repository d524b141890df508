import type { ResyncDeps } from './resync-deps';
import { yieldToLiveTraffic } from './yield-to-live-traffic';

/**
 * Thrown between two committed checkpoints when the worker is stopping. The run's progress is
 * already saved with the work it describes, so the job is put back and resumes from there on the
 * next start instead of holding a SIGTERM up for as long as the run has left.
 */
export class ResyncStoppedError extends Error {
  constructor() {
    super('resync stopped at a checkpoint: the worker is shutting down');
    this.name = 'ResyncStoppedError';
  }
}

/** Called where a run may pause: before each page and each item. Yields to live traffic too. */
export async function atCheckpoint(deps: ResyncDeps): Promise<void> {
  if (deps.stopping.aborted) throw new ResyncStoppedError();
  await yieldToLiveTraffic(deps.queues.inbox, { signal: deps.stopping });
  if (deps.stopping.aborted) throw new ResyncStoppedError();
}
