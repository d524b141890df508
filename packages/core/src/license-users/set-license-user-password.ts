import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenseUsers } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import { NotFoundError } from '../errors/not-found-error';
import { recordActivity } from '../history/record-activity';
import { hashLicenseUserPassword } from './hash-license-user-password';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Sets (or replaces) a license user's password, hashed with scrypt. The caller has checked the
 * right to do it (a one-time link, the license manager). Recorded in the license's history
 * without the password.
 */
export async function setLicenseUserPassword(
  db: DbOrTx,
  input: { workspaceId: string; licenseId: string; email: string; password: string; actor: string },
): Promise<void> {
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    throw new InvalidInputError({
      password: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`,
    });
  }
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashLicenseUserPassword(input.password);
  const updated = await db
    .update(licenseUsers)
    .set({ passwordHash, passwordSetAt: new Date() })
    .where(
      and(
        eq(licenseUsers.workspaceId, input.workspaceId),
        eq(licenseUsers.licenseId, input.licenseId),
        eq(licenseUsers.email, email),
      ),
    )
    .returning({ email: licenseUsers.email });
  if (updated.length === 0) throw new NotFoundError(`license user ${email} not found`);
  await recordActivity(db, {
    workspaceId: input.workspaceId,
    kind: 'license.user_password_set',
    subjects: [`license:${input.licenseId}`, `email:${email}`],
    outcome: 'ok',
    message: `password of ${email} set by ${input.actor}`,
    detail: { actor: input.actor },
  });
}
