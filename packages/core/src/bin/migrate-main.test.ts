import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { scratchDatabase } from '../../test/support/scratch-database';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrate.main.ts');
const scratch = scratchDatabase();
afterAll(() => scratch.drop());

it('`pnpm db:migrate` reads DATABASE_URL from .env, like the api and the worker', async () => {
  // A workspace of its own: the .env sits beside pnpm-workspace.yaml, the process runs in a package folder.
  const root = mkdtempSync(path.join(tmpdir(), 'migrate-env-'));
  const pkg = path.join(root, 'packages', 'core');
  writeFileSync(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  writeFileSync(path.join(root, '.env'), `DATABASE_URL=${scratch.url}\n`);
  mkdirSync(pkg, { recursive: true });
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), entry], {
    cwd: pkg,
    env: { PATH: process.env.PATH ?? '' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code, out).toBe(0);
  expect(out.trim()).toBe('migrations applied');
  const db = new pg.Client({ connectionString: scratch.url });
  await db.connect();
  const applied = await db.query('select count(*)::int as n from drizzle.__drizzle_migrations');
  await db.end();
  expect(applied.rows[0].n).toBeGreaterThan(0);
});
