import type { ResyncRun } from './resync-run';

export interface ResyncProgress {
  /** Records per second since the run started (downtime of a resumed run included). */
  ratePerSecond: number | null;
  /** Seconds left at that rate; null while the total is unknown or nothing is done yet. */
  etaSeconds: number | null;
}

/** Rate and ETA of a run at `now`; a finished run is measured up to its end. */
export function toResyncProgress(run: ResyncRun, now: Date): ResyncProgress {
  if (!run.startedAt) return { ratePerSecond: null, etaSeconds: null };
  const end = run.finishedAt ?? now;
  const seconds = Math.max((end.getTime() - run.startedAt.getTime()) / 1000, 0.001);
  const rate = run.done / seconds;
  const ratePerSecond = Math.round(rate * 100) / 100;
  if (run.finishedAt) return { ratePerSecond, etaSeconds: 0 };
  if (run.total === null || rate === 0) return { ratePerSecond, etaSeconds: null };
  return { ratePerSecond, etaSeconds: Math.ceil(Math.max(run.total - run.done, 0) / rate) };
}
