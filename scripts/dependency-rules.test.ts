import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = path.join(repo, 'node_modules/.bin/depcruise');
// `pnpm check:deps` runs both: the module rules, then the folder rule over shipped code.
const configs = [
  path.join(repo, '.dependency-cruiser.cjs'),
  path.join(repo, '.dependency-cruiser.folders.cjs'),
];

/** Runs the repository's dependency rules over a throw-away tree; returns the exit code and report. */
async function cruise(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'depcruise-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext' } }));
  for (const [file, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), source);
  }
  const roots = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))];
  let code = 0;
  let report = '';
  for (const config of configs) {
    try {
      const { stdout } = await run(depcruise, [...roots, '--config', config], { cwd: dir });
      report += stdout;
    } catch (err) {
      const e = err as { code: number; stdout: string };
      code = Math.max(code, e.code);
      report += e.stdout;
    }
  }
  return { code, report };
}

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('the dependency rules run by .ci/run', () => {
  it('pass a tree that keeps them', async () => {
    const { code, report } = await cruise({
      'packages/core/src/inbox/record.ts': "import { db } from '../db/client';\nexport const record = db;\n",
      'packages/core/src/db/client.ts': 'export const db = 1;\n',
    });
    expect(report).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('fail on a cycle between two concept folders deliberately added', async () => {
    const { code, report } = await cruise({
      'packages/core/src/inbox/relay.ts':
        "import { fail } from '../failures/record';\nexport const relay = fail;\n",
      'packages/core/src/failures/record.ts':
        "import { enqueue } from '../inbox/enqueue';\nexport const fail = enqueue;\n",
      'packages/core/src/inbox/enqueue.ts': 'export const enqueue = 1;\n',
    });
    expect(code).not.toBe(0);
    expect(report).toContain('no-circular-folders');
  });

  it('fail on a module cycle, a package importing an app, source importing tests, and the api importing HubSpot', async () => {
    const { code, report } = await cruise({
      'packages/core/src/a/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'packages/core/src/a/b.ts': "import { a } from './a';\nexport const b = a;\n",
      'packages/core/src/x/uses-app.ts':
        "import { w } from '../../../../apps/worker/src/w';\nexport const x = w;\n",
      'apps/worker/src/w.ts': "import { helper } from '../test/helper';\nexport const w = helper;\n",
      'apps/worker/test/helper.ts': 'export const helper = 1;\n',
      'apps/api/src/route.ts': "import { h } from '../../../packages/hubspot/src/h';\nexport const r = h;\n",
      'packages/hubspot/src/h.ts': 'export const h = 1;\n',
    });
    expect(code).not.toBe(0);
    for (const rule of [
      'no-circular',
      'no-package-imports-app',
      'no-source-imports-tests',
      'api-does-not-call-hubspot',
    ]) {
      expect(report).toContain(rule);
    }
  });
});
