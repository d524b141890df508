import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase, type ScratchDatabase } from '../../test/support/scratch-database';
import { createDb, type DbHandle } from '../db/client';
import { idempotencyKeys } from '../db/schema/index';
import { UnprocessableError } from '../errors/unprocessable-error';
import { ensureDefaultWorkspace } from '../workspaces/ensure-default-workspace';
import { purgeIdempotencyKeys } from './purge-idempotency-keys';
import { runIdempotent } from './run-idempotent';

let scratch: ScratchDatabase;
let handle: DbHandle;
let workspaceId: string;

beforeAll(async () => {
  scratch = await createMigratedDatabase();
  handle = createDb(scratch.url);
  workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
});
afterAll(async () => {
  await handle.close();
  await scratch.drop();
});

const run = (
  key: string | undefined,
  request: unknown,
  perform: () => Promise<unknown>,
  operation = 'orders.create',
) => runIdempotent({ db: handle.db, workspaceId, key, operation, request, statusCode: 201, perform });

describe('runIdempotent', () => {
  it('runs once per key and answers the stored answer after', async () => {
    let runs = 0;
    const perform = async () => ({ n: ++runs, at: new Date('2026-01-01T00:00:00Z') });
    const first = await run('k1', { a: 1 }, perform);
    const second = await run('k1', { a: 1 }, perform);
    expect(first).toEqual({
      statusCode: 201,
      body: { n: 1, at: '2026-01-01T00:00:00.000Z' },
      replayed: false,
    });
    expect(second).toEqual({ ...first, replayed: true });
    expect(runs).toBe(1);
  });

  it.each([
    ['another request', { a: 2 }, 'orders.create'],
    ['another operation', { a: 1 }, 'licenses.update'],
  ])('refuses the same key with %s', async (_name, request, operation) => {
    await run('k2', { a: 1 }, async () => 'first');
    const err = await run('k2', request, async () => 'second', operation).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableError);
    expect((err as UnprocessableError).field).toBe('Idempotency-Key');
  });

  it('keeps nothing when the operation fails, so a fixed retry with the key runs', async () => {
    await expect(run('k3', { a: 1 }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await run('k3', { a: 2 }, async () => 'ok')).body).toBe('ok');
  });

  it('without a key, runs every time', async () => {
    let runs = 0;
    await run(undefined, {}, async () => ++runs);
    await run(undefined, {}, async () => ++runs);
    expect(runs).toBe(2);
  });

  it('purges answers older than the retention, and only those', async () => {
    await handle.db.insert(idempotencyKeys).values({
      workspaceId,
      key: 'old',
      operation: 'orders.create',
      requestHash: 'x',
      statusCode: 201,
      response: {},
      createdAt: new Date(Date.now() - 8 * 86_400_000),
    });
    const purged = await purgeIdempotencyKeys(handle.db, {
      olderThanMs: 7 * 86_400_000,
      batchSize: 10,
      maxBatches: 2,
    });
    expect(purged).toBe(1);
    const keys = (await handle.db.select().from(idempotencyKeys)).map((k) => k.key).sort();
    expect(keys).toEqual(['k1', 'k2', 'k3']);
  });
});
