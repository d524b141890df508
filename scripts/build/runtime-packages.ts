import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The package folders the bundles need at run time: the packages they import plus, transitively,
 * every dependency, optional dependency that is installed and required peer of those. Optional
 * peers (e.g. `typescript` for valibot) are left out: nothing loads them unless asked. Returns the
 * pnpm store entries (`node_modules/.pnpm/<entry>`, relative to `root`), each holding the package
 * and the links to its dependencies, sorted.
 */
export function runtimePackages(root: string, importedFiles: Iterable<string>): string[] {
  const store = path.join(root, 'node_modules', '.pnpm');
  const seen = new Set<string>();
  const queue = [...new Set([...importedFiles].map((f) => packageDir(store, f)))];
  while (queue.length > 0) {
    const dir = queue.pop()!;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    const optionalPeers = manifest.peerDependenciesMeta ?? {};
    const names = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !optionalPeers[n]?.optional),
    ];
    // A package's dependencies are links beside it, in the node_modules of its store entry.
    const siblings = path.join(store, storeEntry(store, dir), 'node_modules');
    for (const name of names) {
      const link = path.join(siblings, name);
      if (existsSync(link)) queue.push(realpathSync(link));
    }
  }
  const entries = new Set([...seen].map((dir) => storeEntry(store, dir)));
  return [...entries].sort().map((e) => path.relative(root, path.join(store, e)));
}

/** `…/.pnpm/<entry>/node_modules/<name>` (or `@scope/name`) for a file inside a package. */
function packageDir(store: string, file: string): string {
  const parts = path.relative(store, file).split(path.sep);
  if (parts[0] === '..' || parts[1] !== 'node_modules') throw new Error(`not in the pnpm store: ${file}`);
  const depth = parts[2]!.startsWith('@') ? 4 : 3;
  return path.join(store, ...parts.slice(0, depth));
}

function storeEntry(store: string, dir: string): string {
  return path.relative(store, dir).split(path.sep)[0]!;
}
