import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { products } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import type { Product } from './catalog-product';
import { codeText } from './input-primitives';

/**
 * The product with this short code, locked until the transaction ends. Every change to a
 * product's policies goes through this lock, which is what keeps "one default per product"
 * true under concurrent requests (the schema has no partial unique index for it).
 */
export async function lockProduct(options: {
  tx: DbOrTx;
  workspaceId: string;
  shortCode: string;
}): Promise<Product> {
  const { tx, workspaceId, shortCode } = options;
  // A code that cannot exist (say, one with a NUL from the URL) must not reach Postgres as a 500.
  if (!codeText.safeParse(shortCode).success) throw new NotFoundError(`product ${shortCode} not found`);
  const [product] = await tx
    .select()
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shortCode, shortCode)))
    .for('update');
  if (!product) throw new NotFoundError(`product ${shortCode} not found`);
  return product;
}
