import type { DbOrTx } from '../db/client';
import { NotFoundError } from '../errors/not-found-error';
import type { CatalogProduct } from './catalog-product';
import { codeText } from './input-primitives';
import { listProducts } from './list-products';

/** One product with its policies, features and custom fields; `NotFoundError` when unknown. */
export async function getProduct(options: {
  db: DbOrTx;
  workspaceId: string;
  shortCode: string;
}): Promise<CatalogProduct> {
  const valid = codeText.safeParse(options.shortCode).success;
  const [found] = valid ? await listProducts({ ...options, shortCodes: [options.shortCode] }) : [];
  if (!found) throw new NotFoundError(`product ${options.shortCode} not found`);
  return found;
}
