import { SingleBar } from 'cli-progress';
import { formatProgress } from './format-progress';

export interface ProgressBar {
  update(done: number, total: number | null, etaSeconds: number | null): void;
  stop(): void;
}

/**
 * A progress bar on stderr (stdout stays parseable), or a silent stand-in when nobody would see
 * it (not a terminal, or `--json`). The line is `formatProgress`'s, fed with the api's figures.
 */
export function createProgressBar(options: { visible: boolean; label: string }): ProgressBar {
  if (!options.visible) return { update() {}, stop() {} };
  let state = {
    label: options.label,
    done: 0,
    total: null as number | null,
    etaSeconds: null as number | null,
  };
  const bar = new SingleBar({ format: () => formatProgress(state), stream: process.stderr });
  bar.start(1, 0);
  return {
    update(done, total, etaSeconds) {
      state = { ...state, done, total, etaSeconds };
      bar.update(0);
    },
    stop: () => bar.stop(),
  };
}
