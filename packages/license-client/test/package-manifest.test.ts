import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// What npm (or pnpm) would publish: the package as built, packed with npm's own rules, must hold
// every file its manifest points consumers at.
const run = promisify(execFile);
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(pkgDir, '../..');
const SOURCE_CONDITION = 'licensync-source';
let staging: string | null = null;

interface Manifest {
  main: string;
  types: string;
  files: string[];
  exports: Record<string, Record<string, string>>;
  publishConfig?: Record<string, unknown>;
}
const manifest = async () =>
  JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as Manifest;

/** Every path the manifest gives consumers (the workspace-only source condition aside). */
function consumerTargets(m: Manifest): string[] {
  const fromExports = Object.values(m.exports).flatMap((conditions) =>
    Object.entries(conditions)
      .filter(([condition]) => condition !== SOURCE_CONDITION)
      .map(([, target]) => target),
  );
  return [m.main, m.types, ...fromExports].map((p) => p.replace(/^\.\//, ''));
}

afterAll(async () => {
  if (staging) await rm(staging, { recursive: true, force: true });
});

describe('@licensync/license-client as published', () => {
  it('points consumers at dist/ only, with no publishConfig rewrite that npm would ignore', async () => {
    const m = await manifest();
    for (const target of consumerTargets(m)) expect(target).toMatch(/^dist\//);
    expect(m.files).toContain('dist');
    expect(m.exports['.']?.[SOURCE_CONDITION]).toBe('./src/index.ts');
    expect(Object.keys(m.publishConfig ?? {})).toEqual(['access']);
  });

  it('npm pack of the built package holds every export target, and no sources', async () => {
    staging = await mkdtemp(path.join(tmpdir(), 'license-client-pack-'));
    for (const f of ['package.json', 'README.md'])
      await copyFile(path.join(pkgDir, f), path.join(staging, f));
    await run(
      path.join(repoRoot, 'node_modules/.bin/tsc'),
      ['-p', path.join(pkgDir, 'tsconfig.build.json'), '--outDir', path.join(staging, 'dist')],
      { cwd: pkgDir },
    );
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: staging,
      env: { ...process.env, npm_config_loglevel: 'silent', npm_config_update_notifier: 'false' },
    });
    const [packed] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    const files = packed.files.map((f) => f.path);
    for (const target of consumerTargets(await manifest())) expect(files).toContain(target);
    expect(files).toContain('README.md');
    expect(files.filter((f) => f.startsWith('src/') || f.endsWith('.test.js'))).toEqual([]);
  }, 60_000);
});
