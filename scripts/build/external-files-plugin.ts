import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'esbuild';

const SKIP = Symbol('resolving for external-files');

/**
 * Bundles our workspace packages (TypeScript sources, extensionless imports) and leaves every
 * package from node_modules outside, imported by the exact file esbuild resolved for it, relative
 * to the bundle. Bare specifiers would not do: pnpm gives each package its own node_modules, so
 * `pg`, imported by packages/core, is not findable from dist/. Resolving at build time keeps the
 * lockfile's exact versions, and `onExternal` learns each package the bundle needs at run time.
 */
export function externalFilesPlugin(opts: { outdir: string; onExternal: (file: string) => void }): Plugin {
  return {
    name: 'external-files',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === SKIP || isBuiltin(args.path)) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: SKIP,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const inNodeModules = resolved.path.split(path.sep).includes('node_modules');
        // Workspace packages and JSON (which Node would need import attributes for) are bundled.
        if (!inNodeModules || resolved.path.endsWith('.json')) return { path: resolved.path };
        opts.onExternal(resolved.path);
        const relative = path.relative(opts.outdir, resolved.path).split(path.sep).join('/');
        return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
      });
    },
  };
}
