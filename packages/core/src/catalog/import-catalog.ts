import type { Db } from '../db/client';
import { InvalidInputError } from '../errors/invalid-input-error';
import { catalogDocumentSchema } from './catalog-document';
import { createImportTally, type ImportTally } from './import-tally';
import { parseInput } from './parse-input';
import { setBundleMembers } from './set-bundle-members';
import { type UpsertedProduct, upsertCatalogProduct } from './upsert-catalog-product';
import { upsertProductParts } from './upsert-product-parts';
import { upsertProductPolicies } from './upsert-product-policies';

/**
 * Applies a catalog document (parsed YAML or JSON) to a workspace in one transaction.
 *
 * Idempotent because every row is upserted by its natural key (short_code, policy code, feature
 * code, custom field name) and only written when a value differs: importing the same document
 * twice reports zero created and zero updated the second time. Nothing the document leaves out
 * is deleted. Any problem — a bad field, an unknown bundle member or feature — rolls everything
 * back and throws `InvalidInputError` naming each path, e.g. `products[2].policies[0].license_type`.
 */
export async function importCatalog(options: {
  db: Db;
  workspaceId: string;
  catalog: unknown;
}): Promise<ImportTally> {
  const { db, workspaceId } = options;
  const catalog = parseInput(catalogDocumentSchema, options.catalog);
  return db.transaction(async (tx) => {
    const tally = createImportTally();
    const problems: Record<string, string> = {};
    const stored: UpsertedProduct[] = [];
    for (const [i, input] of catalog.products.entries()) {
      stored.push(await upsertCatalogProduct({ tx, workspaceId, input, field: `products[${i}]`, problems }));
    }
    // Members may be listed after their bundle, so memberships wait until every product exists.
    for (const [i, input] of catalog.products.entries()) {
      const entry = stored[i]!;
      if (!input.is_bundle || !entry.product.isBundle) continue;
      const field = `products[${i}].bundle_members`;
      const shortCodes = input.bundle_members ?? [];
      const changed = await setBundleMembers({ tx, bundle: entry.product, shortCodes, field });
      if (changed && entry.outcome === 'unchanged') entry.outcome = 'updated';
    }
    for (const { outcome } of stored) if (outcome !== 'unchanged') tally[outcome].products++;
    for (const [i, input] of catalog.products.entries()) {
      const { product } = stored[i]!;
      await upsertProductParts({ tx, product, input, tally });
      await upsertProductPolicies({ tx, product, input, field: `products[${i}]`, tally, problems });
    }
    if (Object.keys(problems).length > 0) throw new InvalidInputError(problems);
    return tally;
  });
}
