import { z } from 'zod';
import { codeText, plainText } from './input-primitives';

export const AUTHORIZATION_METHODS = ['license-key', 'user'] as const;

/** Fields of a product as the admin API and catalog files spell them. */
export const productInputShape = {
  short_code: codeText,
  name: plainText(),
  authorization_method: z.enum(AUTHORIZATION_METHODS),
  is_bundle: z.boolean().default(false),
  /** Short codes of the bundle's member products; only on bundles. */
  bundle_members: z.array(codeText).max(100).optional(),
};

/** A bundle lists its members, and only a bundle may. */
export function checkBundleMembers(
  product: { is_bundle: boolean; bundle_members?: string[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const members = product.bundle_members ?? [];
  if (product.is_bundle && members.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['bundle_members'], message: 'a bundle needs at least one member' });
  }
  if (!product.is_bundle && members.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['bundle_members'],
      message: 'only allowed when is_bundle is true',
    });
  }
}

export const productInputSchema = z.strictObject(productInputShape).superRefine(checkBundleMembers);
export type ProductInput = z.output<typeof productInputSchema>;

/**
 * What PATCH may change. short_code is the key Stripe metadata points at and authorization_method
 * decides whether existing licenses carry keys or users, so neither changes after creation.
 */
export const productPatchSchema = z
  .strictObject({
    name: plainText().optional(),
    bundle_members: z.array(codeText).min(1).max(100).optional(),
  })
  .refine((p) => p.name !== undefined || p.bundle_members !== undefined, 'nothing to change');
export type ProductPatch = z.output<typeof productPatchSchema>;
