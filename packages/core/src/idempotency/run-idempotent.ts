import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { idempotencyKeys } from '../db/schema/index';
import { UnprocessableError } from '../errors/unprocessable-error';
import { toRequestHash } from './to-request-hash';

export interface IdempotentAnswer<T> {
  statusCode: number;
  body: T;
  /** True when the answer is the stored one of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `perform` at most once per idempotency key, as Stripe's API does: its answer is stored in
 * the same transaction as its writes, so a retry after a timeout or a crash either finds the
 * answer or finds nothing done. The same key with another request (or operation) is refused with
 * an `UnprocessableError`. Without a key, `perform` simply runs in a transaction.
 */
export async function runIdempotent<T>(options: {
  db: Db;
  workspaceId: string;
  /** The caller's `Idempotency-Key`, or undefined for none. */
  key: string | undefined;
  operation: string;
  /** The parsed request: hashed, so formatting and key order do not make it "another" request. */
  request: unknown;
  statusCode: number;
  perform: (tx: DbOrTx) => Promise<T>;
}): Promise<IdempotentAnswer<T>> {
  const { db, workspaceId, key, operation } = options;
  if (key === undefined) {
    const body = await db.transaction((tx) => options.perform(tx));
    return { statusCode: options.statusCode, body, replayed: false };
  }
  const requestHash = toRequestHash({ operation, request: options.request });
  return db.transaction(async (tx) => {
    // Two requests with one key at once: the second waits here and then finds the first's answer.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`idempotency:${workspaceId}:${key}`}))`);
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.key, key)));
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new UnprocessableError(
          'Idempotency-Key',
          `Idempotency-Key ${key} was already used with another request (${stored.operation})`,
        );
      }
      return { statusCode: stored.statusCode, body: stored.response as T, replayed: true };
    }
    const body = await options.perform(tx);
    // Stored as JSON: what a replay answers is exactly what the first caller saw.
    const response = JSON.parse(JSON.stringify(body)) as T;
    await tx
      .insert(idempotencyKeys)
      .values({ workspaceId, key, operation, requestHash, statusCode: options.statusCode, response });
    return { statusCode: options.statusCode, body: response, replayed: false };
  });
}
