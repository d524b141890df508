import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runtimePackages } from './runtime-packages';

/** A pnpm store entry `<entry>/node_modules/<name>` with a manifest and links to `links`. */
function pkg(
  store: string,
  entry: string,
  name: string,
  manifest: object,
  links: Record<string, string> = {},
) {
  const dir = path.join(store, entry, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, ...manifest }));
  writeFileSync(path.join(dir, 'index.js'), '');
  for (const [dep, target] of Object.entries(links)) {
    const link = path.join(store, entry, 'node_modules', dep);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), path.join(store, target, 'node_modules', dep)), link);
  }
}

it('follows dependencies, installed optional ones and required peers, not optional peers or dev tools', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'runtime-packages-'));
  const store = path.join(root, 'node_modules', '.pnpm');
  pkg(
    store,
    'app-lib@1.0.0_typescript@5.9.3',
    'app-lib',
    {
      dependencies: { '@scope/util': '1' },
      optionalDependencies: { 'native-addon': '1', 'not-installed': '1' },
      peerDependencies: { ioredis: '5', typescript: '5' },
      peerDependenciesMeta: { typescript: { optional: true } },
      devDependencies: { vitest: '5' },
    },
    {
      '@scope/util': '@scope+util@2.0.0',
      'native-addon': 'native-addon@1.0.0',
      ioredis: 'ioredis@5.9.2',
      typescript: 'typescript@5.9.3',
    },
  );
  pkg(store, '@scope+util@2.0.0', '@scope/util', { dependencies: { tiny: '1' } }, { tiny: 'tiny@1.0.0' });
  pkg(store, 'tiny@1.0.0', 'tiny', {});
  pkg(store, 'native-addon@1.0.0', 'native-addon', {});
  pkg(store, 'ioredis@5.9.2', 'ioredis', {});
  pkg(store, 'typescript@5.9.3', 'typescript', {});
  pkg(store, 'vitest@5.1.1', 'vitest', {});

  const imported = [path.join(store, 'app-lib@1.0.0_typescript@5.9.3/node_modules/app-lib/index.js')];
  expect(runtimePackages(root, imported)).toEqual(
    [
      '@scope+util@2.0.0',
      'app-lib@1.0.0_typescript@5.9.3',
      'ioredis@5.9.2',
      'native-addon@1.0.0',
      'tiny@1.0.0',
    ].map((e) => path.join('node_modules', '.pnpm', e)),
  );
});

it('refuses a file outside the pnpm store', () => {
  expect(() => runtimePackages('/repo', ['/repo/packages/core/src/index.ts'])).toThrow(
    'not in the pnpm store',
  );
});
