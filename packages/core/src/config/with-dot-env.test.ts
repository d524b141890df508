import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { findDotEnv, withDotEnv } from './with-dot-env';

// root/.env, root/pnpm-workspace.yaml, root/apps/api (no .env); outside/ has a .env above no workspace.
const base = mkdtempSync(path.join(tmpdir(), 'dotenv-'));
const root = path.join(base, 'root');
const pkg = path.join(root, 'apps', 'api');
mkdirSync(pkg, { recursive: true });
writeFileSync(path.join(base, '.env'), 'FROM_ABOVE_THE_WORKSPACE=1\n');
writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
writeFileSync(path.join(root, '.env'), '# comment\nDATABASE_URL=postgres://from-file/db\nPORT=4000\n');
afterAll(() => rmSync(base, { recursive: true, force: true }));

it('finds the workspace .env from a package folder, and never looks above the workspace', () => {
  expect(findDotEnv(pkg)).toBe(path.join(root, '.env'));
  rmSync(path.join(root, '.env'));
  expect(findDotEnv(pkg)).toBeUndefined();
  writeFileSync(path.join(root, '.env'), 'DATABASE_URL=postgres://from-file/db\nPORT=4000\n');
});

it('adds the file underneath the environment: set variables win', () => {
  const env = withDotEnv({ PORT: '5000', OTHER: 'x' }, pkg);
  expect(env).toEqual({ DATABASE_URL: 'postgres://from-file/db', PORT: '5000', OTHER: 'x' });
});

it('leaves the environment as it is without a .env in the workspace', () => {
  rmSync(path.join(root, '.env'));
  const env = { PORT: '5000' };
  expect(withDotEnv(env, pkg)).toBe(env);
});
