import type { DbOrTx } from '../db/client';
import type { CatalogProduct } from './catalog-product';
import { listProducts } from './list-products';

/** Products by short code, for provisioning: the codes a set of prices names, looked up at once. */
export async function loadCatalog(
  db: DbOrTx,
  workspaceId: string,
  shortCodes: string[],
): Promise<Map<string, CatalogProduct>> {
  if (shortCodes.length === 0) return new Map();
  const found = await listProducts({ db, workspaceId, shortCodes: [...new Set(shortCodes)] });
  return new Map(found.map((entry) => [entry.product.shortCode, entry]));
}
