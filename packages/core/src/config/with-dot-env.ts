import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The environment with the variables of the nearest `.env` added underneath: from `cwd` up to the
 * workspace root (the folder with `pnpm-workspace.yaml`), so `pnpm --filter … start` and
 * `pnpm db:migrate`, which run inside a package folder, read the same file as a process started at
 * the root. Variables already set win, as with Node's `--env-file`. No `.env` is no error.
 */
export function withDotEnv(
  env: Record<string, string | undefined>,
  cwd: string,
): Record<string, string | undefined> {
  const file = findDotEnv(cwd);
  if (file === undefined) return env;
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}

export function findDotEnv(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.env');
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml')) || path.dirname(dir) === dir) return undefined;
  }
}
