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
