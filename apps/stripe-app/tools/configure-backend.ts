import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBackendUrl } from './with-backend-url';

const DEFAULT_MANIFEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../stripe-app.json');

/**
 * `pnpm --filter @licensync/stripe-app configure <url> [--manifest <file>]`: writes the deployment's
 * URL into the manifest (connect-src and the views' `LICENSYNC_URL`) before `stripe apps upload`.
 * Returns the exit code.
 */
export async function configureBackend(args: string[], log = console.log): Promise<number> {
  const at = args.indexOf('--manifest');
  const manifestPath = at >= 0 ? args[at + 1] : DEFAULT_MANIFEST;
  const url = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!url || !manifestPath) {
    log('usage: pnpm --filter @licensync/stripe-app configure <PUBLIC_URL of licensync> [--manifest <file>]');
    return 2;
  }
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const next = withBackendUrl(manifest, url);
    await writeFile(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
    log(`${manifestPath}: the views now call ${next.constants.LICENSYNC_URL}/stripe-app/`);
    return 0;
  } catch (err) {
    log(`not configured: ${(err as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await configureBackend(process.argv.slice(2));
}
