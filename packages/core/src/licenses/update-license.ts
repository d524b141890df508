import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { licenses } from '../db/schema/index';
import { UnprocessableError } from '../errors/unprocessable-error';
import { editableLicenseFields, type LicenseField } from './license-editable-fields';
import { lockLicense } from './lock-license';
import { recordLicenseChange } from './record-license-change';

/** The fields to change, by admin API name; absent means "leave as it is". */
export type LicensePatch = Partial<{
  valid_until: Date | null;
  maintenance_until: Date | null;
  max_activations: number;
  floating_cloud: number | null;
  max_license_users: number | null;
  is_trial: boolean;
  max_consumptions: number | null;
  allow_overages: boolean | null;
  max_overages: number | null;
}>;

const COLUMN = {
  valid_until: 'validUntil',
  maintenance_until: 'maintenanceUntil',
  max_activations: 'maxActivations',
  floating_cloud: 'floatingCloud',
  max_license_users: 'maxLicenseUsers',
  is_trial: 'isTrial',
  max_consumptions: 'maxConsumptions',
  allow_overages: 'allowOverages',
  max_overages: 'maxOverages',
} as const satisfies Record<LicenseField, string>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Changes the fields of a license its type allows (`EDITABLE_LICENSE_FIELDS`), recording the
 * change with its actor and a sync intent in one transaction. A field the type does not allow is
 * an `UnprocessableError` naming the field and the type, and nothing changes. Returns the fields
 * that changed; asking for the values a license already has changes and records nothing.
 */
export async function updateLicense(options: {
  db: Db;
  workspaceId: string;
  licenseId: string;
  patch: LicensePatch;
  actor: string;
}): Promise<LicenseField[]> {
  const { db, workspaceId, licenseId, patch, actor } = options;
  return db.transaction(async (tx) => {
    const { license, product } = await lockLicense(tx, workspaceId, licenseId);
    const allowed = editableLicenseFields(license.licenseType, product.authorizationMethod);
    const fields = Object.keys(patch).filter((f) => patch[f as LicenseField] !== undefined) as LicenseField[];
    for (const field of fields) {
      if (field === 'max_license_users' && !allowed.includes(field)) {
        throw new UnprocessableError(
          'max_license_users',
          `max_license_users applies to user-authorized products; "${product.shortCode}" uses license keys`,
        );
      }
      if (!allowed.includes(field)) {
        throw new UnprocessableError(
          field,
          `${field} cannot be changed on a ${license.licenseType} license (it allows ${allowed.join(', ')})`,
        );
      }
    }
    const next = { ...license };
    for (const field of fields) Object.assign(next, { [COLUMN[field]]: patch[field] });
    if (next.floatingCloud !== null && next.floatingCloud > next.maxActivations) {
      throw new UnprocessableError(
        fields.includes('floating_cloud') ? 'floating_cloud' : 'max_activations',
        `floating_cloud (${next.floatingCloud}) must be ≤ max_activations (${next.maxActivations})`,
      );
    }
    const changed = fields.filter((f) => !same(license[COLUMN[f]], next[COLUMN[f]]));
    if (changed.length === 0) return [];
    const set = Object.fromEntries(changed.map((f) => [COLUMN[f], next[COLUMN[f]]]));
    await tx
      .update(licenses)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(licenses.id, license.id));
    await recordLicenseChange(tx, {
      license,
      kind: 'license.updated',
      message: `changed ${changed.join(', ')}`,
      actor,
      detail: {
        changed,
        before: Object.fromEntries(changed.map((f) => [f, toJson(license[COLUMN[f]])])),
        after: Object.fromEntries(changed.map((f) => [f, toJson(next[COLUMN[f]])])),
      },
    });
    return changed;
  });
}
