import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { products, productVersions } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { codeText } from './input-primitives';

export type ProductVersion = typeof productVersions.$inferSelect;

async function productOf(db: DbOrTx, workspaceId: string, shortCode: string) {
  if (!codeText.safeParse(shortCode).success) throw new NotFoundError(`product ${shortCode} not found`);
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.shortCode, shortCode)));
  if (!product) throw new NotFoundError(`product ${shortCode} not found`);
  return product;
}

/**
 * Declares (or corrects) when a version of a product's app was released; the license API refuses
 * that version to licenses whose maintenance ended before it. Repeating it changes nothing new.
 */
export async function setProductVersion(
  db: DbOrTx,
  input: { workspaceId: string; shortCode: string; version: string; releasedAt: Date },
): Promise<ProductVersion> {
  const product = await productOf(db, input.workspaceId, input.shortCode);
  const [row] = await db
    .insert(productVersions)
    .values({
      workspaceId: input.workspaceId,
      productId: product.id,
      version: input.version,
      releasedAt: input.releasedAt,
    })
    .onConflictDoUpdate({
      target: [productVersions.productId, productVersions.version],
      set: { releasedAt: input.releasedAt },
    })
    .returning();
  await recordActivity(db, {
    workspaceId: input.workspaceId,
    kind: 'product.version_released',
    subjects: [`product:${input.shortCode}`],
    outcome: 'ok',
    message: `version ${input.version} of ${input.shortCode} released on ${input.releasedAt.toISOString()}`,
  });
  return row!;
}

/** A product's declared versions, newest release first. */
export async function listProductVersions(
  db: DbOrTx,
  input: { workspaceId: string; shortCode: string },
): Promise<ProductVersion[]> {
  const product = await productOf(db, input.workspaceId, input.shortCode);
  return db
    .select()
    .from(productVersions)
    .where(eq(productVersions.productId, product.id))
    .orderBy(desc(productVersions.releasedAt));
}
