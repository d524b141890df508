import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@licensync/core/config';

const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The worker as its own process (`src/main.ts`), on a test env's config, so a test can kill it or
 * send it a signal the way an orchestrator would.
 */
export function spawnWorker(config: Config): ChildProcess {
  const env = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)]));
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
}
