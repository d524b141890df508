import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCatalog, parseCatalogFile } from '@licensync/core/catalog';
import type { Db } from '@licensync/core/db';

const examplePath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../examples/catalog.yaml',
);

/** Imports the example catalog (pro, team, render, suite) that the README and the demo use. */
export async function seedExampleCatalog(db: Db, workspaceId: string): Promise<void> {
  const catalog = parseCatalogFile(await readFile(examplePath, 'utf8'), 'catalog.yaml');
  await importCatalog({ db, workspaceId, catalog });
}
