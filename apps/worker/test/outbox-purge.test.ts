import { purgeDoneIntents } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { eventually } from '@licensync/test-env';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createWorkerRuntime } from '../src/create-worker-runtime';
import { type DbStack, startDb } from './support/start-db';

const DAY = 86_400_000;
let stack: DbStack;

beforeAll(async () => {
  stack = await startDb({ OUTBOX_PURGE_INTERVAL_MS: '100' });
});
afterAll(() => stack.close());
beforeEach(async () => {
  await stack.db.delete(schema.syncOutbox);
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const row = (objectId: string, status: 'done' | 'failed' | 'pending', processedAt: Date | null) => ({
    workspaceId: stack.workspaceId,
    objectKind: 'license' as const,
    objectId,
    status,
    processedAt,
  });
  await stack.db
    .insert(schema.syncOutbox)
    .values([
      ...['old-1', 'old-2', 'old-3', 'old-4', 'old-5'].map((id) => row(id, 'done', ago(8))),
      row('recent', 'done', ago(6)),
      row('failed-old', 'failed', ago(30)),
      row('pending', 'pending', null),
    ]);
});

const left = async () =>
  (await stack.db.select({ id: schema.syncOutbox.objectId }).from(schema.syncOutbox)).map((r) => r.id).sort();

it('deletes done intents older than the retention, in batches, at most the limit per run', async () => {
  const opts = { olderThanMs: 7 * DAY, batchSize: 2, maxBatches: 2 };
  expect(await purgeDoneIntents(stack.db, opts)).toBe(4);
  expect(await purgeDoneIntents(stack.db, opts)).toBe(1);
  expect(await purgeDoneIntents(stack.db, opts)).toBe(0);
  expect(await left()).toEqual(['failed-old', 'pending', 'recent']);
});

it('the worker purges periodically, keeping failed and recent intents', async () => {
  const worker = await createWorkerRuntime(stack.env.config, stack.env.logger);
  try {
    await eventually(async () => (await left()).length === 3);
    expect(await left()).toEqual(['failed-old', 'pending', 'recent']);
  } finally {
    await worker.close();
  }
});
