import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { operatorKeys } from '../db/schema/index';
import { NotFoundError } from '../errors/not-found-error';
import type { OperatorKey } from './create-operator-key';

/** Revokes a key by name at once; it is kept, revoked, so the history can still name it. */
export async function revokeOperatorKey(db: Db, name: string): Promise<OperatorKey> {
  const [row] = await db
    .update(operatorKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(operatorKeys.name, name), isNull(operatorKeys.revokedAt)))
    .returning();
  if (!row) throw new NotFoundError(`no live operator key named ${name}`);
  return row;
}

export async function listOperatorKeys(db: Db): Promise<OperatorKey[]> {
  return db.select().from(operatorKeys).orderBy(asc(operatorKeys.createdAt));
}
