import { z } from 'zod';
import { customFieldInputSchema } from './custom-field-input';
import { featureInputSchema } from './feature-input';
import { policyInputSchema } from './policy-input';
import { checkBundleMembers, productInputShape } from './product-input';

const catalogProductSchema = z
  .strictObject({
    ...productInputShape,
    features: z.array(featureInputSchema).default([]),
    custom_fields: z.array(customFieldInputSchema).default([]),
    policies: z.array(policyInputSchema).default([]),
  })
  .superRefine((product, ctx) => {
    checkBundleMembers(product, ctx);
    flagDuplicates(product.features, (f) => f.code, 'features', 'code', ctx);
    flagDuplicates(product.custom_fields, (f) => f.name, 'custom_fields', 'name', ctx);
    flagDuplicates(product.policies, (p) => p.code, 'policies', 'code', ctx);
    const defaults = product.policies.flatMap((p, i) => (p.is_default ? [i] : []));
    for (const i of defaults.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: ['policies', i, 'is_default'],
        message: 'only one policy may be the default',
      });
    }
  });

/**
 * A catalog file: the products of a workspace with their features, custom fields and policies.
 * Importing it upserts by short_code / code / name and never deletes what the file leaves out.
 */
export const catalogDocumentSchema = z
  .strictObject({ products: z.array(catalogProductSchema).max(1000) })
  .superRefine((doc, ctx) =>
    flagDuplicates(doc.products, (p) => p.short_code, 'products', 'short_code', ctx),
  );
export type CatalogDocument = z.output<typeof catalogDocumentSchema>;
export type CatalogProductInput = CatalogDocument['products'][number];

function flagDuplicates<T>(
  items: T[],
  keyOf: (item: T) => string,
  list: string,
  field: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (seen.has(key))
      ctx.addIssue({ code: 'custom', path: [list, i, field], message: `duplicate ${field} ${key}` });
    seen.add(key);
  });
}
