import { type CatalogProduct, listProducts } from '@licensync/core/catalog';
import type { DbOrTx } from '@licensync/core/db';
import type { CardCatalogNames } from './to-card-license-json';

/** The workspace's catalog by product id: names for license answers, policies for the form. */
export async function loadCardCatalog(db: DbOrTx, workspaceId: string): Promise<CardCatalogNames> {
  const entries: CatalogProduct[] = await listProducts({ db, workspaceId });
  return { products: new Map(entries.map((e) => [e.product.id, e])) };
}
