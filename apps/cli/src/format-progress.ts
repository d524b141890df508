export interface ProgressState {
  label: string;
  done: number;
  /** Unknown (null) or 0 until the resync has counted its records. */
  total: number | null;
  /** The api's estimate; null while it has no rate yet. */
  etaSeconds: number | null;
}

/**
 * One progress line. cli-progress' own format printed `eta: NFs` before any rate existed and
 * `0/0` before the total was known; this prints only what is known.
 */
export function formatProgress(p: ProgressState, width = 30): string {
  if (!p.total || p.total <= 0) return `${p.label} ${p.done} done, counting…`;
  const ratio = Math.min(1, Math.max(0, p.done / p.total));
  const filled = Math.round(ratio * width);
  const bar = `${'='.repeat(filled)}${' '.repeat(width - filled)}`;
  const eta =
    p.etaSeconds !== null && Number.isFinite(p.etaSeconds) && p.etaSeconds >= 0
      ? ` · eta ${formatDuration(p.etaSeconds)}`
      : '';
  return `${p.label} [${bar}] ${p.done}/${p.total} ${Math.floor(ratio * 100)}%${eta}`;
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
