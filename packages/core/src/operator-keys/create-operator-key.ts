import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client';
import { type OperatorKeyScope, operatorKeys } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';

export type OperatorKey = typeof operatorKeys.$inferSelect;

export const OPERATOR_KEY_PREFIX = 'lsk_';

/** SHA-256 hex: the key carries 256 random bits, so a fast unsalted hash cannot be brute-forced. */
export const hashOperatorKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Creates a named key and returns it once, in clear; only its hash is stored. */
export async function createOperatorKey(
  db: Db,
  input: { name: string; scope: OperatorKeyScope },
): Promise<{ key: string; row: OperatorKey }> {
  const key = `${OPERATOR_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(operatorKeys)
    .values({ ...input, keyHash: hashOperatorKey(key), keyPrefix: key.slice(0, 10) })
    .onConflictDoNothing({ target: operatorKeys.name })
    .returning();
  if (!row) throw new ConflictError('name', `an operator key named ${input.name} already exists`);
  return { key, row };
}
