import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The process entry points, as `node` runs them (through tsx's loader: the sources are TypeScript). */
export const ENTRIES = {
  api: path.join(repo, 'apps/api/src/main.ts'),
  worker: path.join(repo, 'apps/worker/src/main.ts'),
  migrate: path.join(repo, 'packages/core/src/bin/migrate.main.ts'),
};
const tsxLoader = import.meta.resolve('tsx');

export interface EntryRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an entry point with exactly `env` (plus PATH), in `cwd` (default: an empty temp folder, so
 * no developer's `.env` is read), and resolves when it exits or after `timeoutMs` (then SIGKILL).
 */
export function runEntry(
  entry: string,
  env: Record<string, string>,
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<EntryRun> {
  const cwd = opts.cwd ?? mkdtempSync(path.join(tmpdir(), 'entry-'));
  const child = spawn(process.execPath, ['--import', tsxLoader, entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 45_000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
