import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenseActivations, licenses } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import { isLicenseId } from '../licenses/get-license';
import type { Activation } from './activate-license';

/** A license's machines, live ones and freed ones (with `deactivatedAt`), latest first. */
export async function listActivations(
  db: DbOrTx,
  input: { workspaceId: string; licenseId: string },
): Promise<Activation[]> {
  if (!isLicenseId(input.licenseId)) throw new NotFoundError(`license ${input.licenseId} not found`);
  const [license] = await db
    .select({ id: licenses.id })
    .from(licenses)
    .where(and(eq(licenses.workspaceId, input.workspaceId), eq(licenses.id, input.licenseId)));
  if (!license) throw new NotFoundError(`license ${input.licenseId} not found`);
  return db
    .select()
    .from(licenseActivations)
    .where(eq(licenseActivations.licenseId, input.licenseId))
    .orderBy(desc(licenseActivations.activatedAt));
}
