import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { licenseUsers, passwordSetTokens } from '../db/schema/index';
import { setLicenseUserPassword } from '../license-users/set-license-user-password';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new one-time link token for a license user; only its hash is stored. Unused tokens of the
 * same delivery and user are dropped first, so a retried send leaves one live link, not several.
 */
export async function issuePasswordSetToken(
  db: DbOrTx,
  input: {
    workspaceId: string;
    licenseId: string;
    email: string;
    deliveryId: string | null;
    expiresAt: Date;
  },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  if (input.deliveryId) {
    await db
      .delete(passwordSetTokens)
      .where(
        and(
          eq(passwordSetTokens.deliveryId, input.deliveryId),
          eq(passwordSetTokens.licenseId, input.licenseId),
          eq(passwordSetTokens.email, email),
          isNull(passwordSetTokens.usedAt),
        ),
      );
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(passwordSetTokens).values({
    tokenHash: hashToken(token),
    workspaceId: input.workspaceId,
    licenseId: input.licenseId,
    email,
    deliveryId: input.deliveryId,
    expiresAt: input.expiresAt,
  });
  return token;
}

export interface PasswordSetTarget {
  workspaceId: string;
  licenseId: string;
  email: string;
  expiresAt: Date;
}

/** A token's user must still be on the license: removing a user kills their open links. */
const userStillThere = (tx: DbOrTx, row: { licenseId: string; email: string }) =>
  tx
    .select({ email: licenseUsers.email })
    .from(licenseUsers)
    .where(and(eq(licenseUsers.licenseId, row.licenseId), eq(licenseUsers.email, row.email)))
    .then((rows) => rows.length > 0);

/**
 * The license user a token may set the password of: null once used, expired or unknown, or
 * when the user was removed from the license since.
 */
export async function findPasswordSetToken(
  db: DbOrTx,
  token: string,
  now = new Date(),
): Promise<PasswordSetTarget | null> {
  const [row] = await db
    .select()
    .from(passwordSetTokens)
    .where(
      and(
        eq(passwordSetTokens.tokenHash, hashToken(token)),
        isNull(passwordSetTokens.usedAt),
        gt(passwordSetTokens.expiresAt, now),
      ),
    );
  if (!row || !(await userStillThere(db, row))) return null;
  return {
    workspaceId: row.workspaceId,
    licenseId: row.licenseId,
    email: row.email,
    expiresAt: row.expiresAt,
  };
}

/**
 * Sets the password a token is for and spends the token, in one transaction: the link works
 * once. A password the ledger refuses (too short) rolls back, so the link still works. Null when
 * the token is used, expired or unknown, or its user was removed from the license (the token is
 * then spent).
 */
export async function usePasswordSetToken(
  db: Db,
  input: { token: string; password: string; now?: Date },
): Promise<PasswordSetTarget | null> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordSetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordSetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordSetTokens.usedAt),
          gt(passwordSetTokens.expiresAt, now),
        ),
      )
      .returning();
    if (!row || !(await userStillThere(tx, row))) return null;
    await setLicenseUserPassword(tx, {
      workspaceId: row.workspaceId,
      licenseId: row.licenseId,
      email: row.email,
      password: input.password,
      actor: `password-link:${row.email}`,
    });
    return {
      workspaceId: row.workspaceId,
      licenseId: row.licenseId,
      email: row.email,
      expiresAt: row.expiresAt,
    };
  });
}

/** Deletes password links that expired more than `olderThanMs` ago (used or not); returns how many. */
export async function purgePasswordSetTokens(
  db: DbOrTx,
  olderThanMs: number,
  now = new Date(),
): Promise<number> {
  const rows = await db
    .delete(passwordSetTokens)
    .where(lt(passwordSetTokens.expiresAt, new Date(now.getTime() - olderThanMs)))
    .returning({ tokenHash: passwordSetTokens.tokenHash });
  return rows.length;
}
