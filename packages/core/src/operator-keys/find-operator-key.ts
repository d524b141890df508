import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { operatorKeys } from '../db/schema/index';
import { hashOperatorKey, type OperatorKey } from './create-operator-key';

/**
 * The live key a presented token is, if any. The lookup is by hash, so what varies with the input
 * is a B-tree search over hashes the caller cannot choose: no timing oracle on the key itself.
 */
export async function findOperatorKey(db: Db, presented: string): Promise<OperatorKey | null> {
  const [row] = await db
    .update(operatorKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(operatorKeys.keyHash, hashOperatorKey(presented)), isNull(operatorKeys.revokedAt)))
    .returning();
  return row ?? null;
}

/**
 * Whether a key, by id, is still live (not revoked, not deleted). The console asks on every
 * request, so revoking a key ends its signed-in sessions at once rather than when they expire.
 */
export async function isOperatorKeyLive(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: operatorKeys.id })
    .from(operatorKeys)
    .where(and(eq(operatorKeys.id, id), isNull(operatorKeys.revokedAt)));
  return row !== undefined;
}
