import { type CatalogProduct, listProducts } from '@licensync/core/catalog';
import type { DbOrTx } from '@licensync/core/db';
import { findWorkspaceSlug } from '@licensync/core/workspaces';
import type { CardCatalogNames } from './to-card-license-json';

/**
 * The workspace's catalog by product id (names for license answers, policies for the form) and its
 * slug, for the console links. One after the other: `db` may be a transaction.
 */
export async function loadCardCatalog(db: DbOrTx, workspaceId: string): Promise<CardCatalogNames> {
  const entries: CatalogProduct[] = await listProducts({ db, workspaceId });
  const workspaceSlug = (await findWorkspaceSlug(db, workspaceId)) ?? 'default';
  return { products: new Map(entries.map((e) => [e.product.id, e])), workspaceSlug };
}
