import { Presets, SingleBar } from 'cli-progress';

export interface ProgressBar {
  update(done: number, total?: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr (stdout stays parseable), or a silent stand-in when nobody would see
 * it (not a terminal, or `--json`).
 */
export function createProgressBar(options: { visible: boolean; label: string; total: number }): ProgressBar {
  if (!options.visible) return { update() {}, stop() {} };
  const bar = new SingleBar(
    {
      format: `${options.label} [{bar}] {value}/{total} {percentage}% · eta {eta_formatted}`,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(options.total, 0);
  return {
    update(done, total) {
      if (total !== undefined) bar.setTotal(total);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
