import type { Db } from '../db/client';
import { productCustomFields } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';
import type { CustomFieldInput } from './custom-field-input';
import { lockProduct } from './lock-product';

export type CustomField = typeof productCustomFields.$inferSelect;

/** Adds a custom field to a product; its policies may set a value for it by name. */
export async function createCustomField(options: {
  db: Db;
  workspaceId: string;
  shortCode: string;
  input: CustomFieldInput;
}): Promise<CustomField> {
  const { db, workspaceId, shortCode, input } = options;
  return db.transaction(async (tx) => {
    const product = await lockProduct({ tx, workspaceId, shortCode });
    const [field] = await tx
      .insert(productCustomFields)
      .values({ workspaceId, productId: product.id, name: input.name, defaultValue: input.default_value })
      .onConflictDoNothing({ target: [productCustomFields.productId, productCustomFields.name] })
      .returning();
    if (!field)
      throw new ConflictError('name', `custom field ${input.name} of product ${shortCode} already exists`);
    return field;
  });
}
