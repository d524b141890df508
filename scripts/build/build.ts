// `pnpm build`: one ESM bundle per process in dist/, for `node dist/<name>.js` in the image.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { externalFilesPlugin } from './external-files-plugin';
import { runtimePackages } from './runtime-packages';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, 'dist');

/** The processes the image runs; the names become dist/<name>.js. */
const ENTRIES = {
  api: 'apps/api/src/main.ts',
  worker: 'apps/worker/src/main.ts',
  migrate: 'packages/core/src/bin/migrate.main.ts',
  cli: 'apps/cli/src/main.ts',
  healthcheck: 'scripts/build/healthcheck.ts',
};

rmSync(outdir, { recursive: true, force: true });
const imported = new Set<string>();
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, file])),
  outdir,
  bundle: true,
  // No code splitting: `import.meta.url` must stay the entry's own (migrations are found beside it).
  splitting: false,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [externalFilesPlugin({ outdir, onExternal: (file) => imported.add(file) })],
});
// migrate.ts finds the migrations beside its own module, which is now dist/<entry>.js.
cpSync(path.join(root, 'packages/core/src/db/migrations'), path.join(outdir, 'migrations'), {
  recursive: true,
});
// The console's stylesheet and htmx, which the api reads beside its bundle (console-assets.route.ts).
const consoleAssets = path.join(outdir, 'console-assets');
cpSync(path.join(root, 'apps/api/src/console/console-assets'), consoleAssets, { recursive: true });
cpSync(
  createRequire(path.join(root, 'apps/api/package.json')).resolve('htmx.org/dist/htmx.min.js'),
  path.join(consoleAssets, 'htmx.min.js'),
);
writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
const packages = runtimePackages(root, imported);
// What the image copies from node_modules: these store entries and nothing else (see Dockerfile).
writeFileSync(path.join(outdir, 'runtime-packages.txt'), `${packages.join('\n')}\n`);
console.log(
  `built ${Object.keys(ENTRIES).length} entries into dist/ in ${Date.now() - started} ms; ${packages.length} runtime packages`,
);
