import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenseCustomFields, productCustomFields } from '../db/schema/index';
import { UnprocessableError } from '../errors/unprocessable-error';
import { lockLicense } from './lock-license';
import { recordLicenseChange } from './record-license-change';

/**
 * Sets a license's value of one of its product's custom fields. A name the product lacks is an
 * `UnprocessableError` (a typo must not become a new field). Returns whether the value changed.
 */
export async function setLicenseCustomField(options: {
  db: Db;
  workspaceId: string;
  licenseId: string;
  name: string;
  value: string;
  actor: string;
}): Promise<boolean> {
  const { db, workspaceId, licenseId, name, value, actor } = options;
  return db.transaction(async (tx) => {
    const { license, product } = await lockLicense(tx, workspaceId, licenseId);
    const [field] = await tx
      .select()
      .from(productCustomFields)
      .where(and(eq(productCustomFields.productId, product.id), eq(productCustomFields.name, name)));
    if (!field) {
      throw new UnprocessableError(
        'name',
        `"${name}" is not a custom field of product "${product.shortCode}"`,
      );
    }
    const [current] = await tx
      .select()
      .from(licenseCustomFields)
      .where(and(eq(licenseCustomFields.licenseId, license.id), eq(licenseCustomFields.name, name)));
    if (current?.value === value) return false;
    await tx
      .insert(licenseCustomFields)
      .values({ workspaceId, licenseId: license.id, name, value })
      .onConflictDoUpdate({
        target: [licenseCustomFields.licenseId, licenseCustomFields.name],
        set: { value },
      });
    await recordLicenseChange(tx, {
      license,
      kind: 'license.custom_field_set',
      message: `set custom field ${name}`,
      actor,
      detail: { name, before: current?.value ?? null, after: value },
    });
    return true;
  });
}
