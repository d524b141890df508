import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCoreTestEnv as createTestEnv,
  type CoreTestEnv as TestEnv,
} from '../../test/support/core-test-env';
import { createDb, type DbHandle } from '../db/client';
import { inboxEvents } from '../db/schema/index';
import { closeQueues, createQueues, type Queues } from '../queues/create-queues';
import { createRedis } from '../queues/redis';
import { relayPendingEvents } from '../relay/relay-pending-events';
import { ensureDefaultWorkspace } from '../workspaces/ensure-default-workspace';
import { createInboxWriter, type InboxWriter } from './create-inbox-writer';
import type { InboxRecord } from './inbox-record';
import { insertInboxBatch } from './insert-inbox-batch';

let env: TestEnv;
let handle: DbHandle;
let queues: Queues;
let redis: ReturnType<typeof createRedis>;
let workspaceId: string;
let writer: InboxWriter;
let statements: string[];

beforeAll(async () => {
  env = await createTestEnv();
  handle = createDb(env.config.DATABASE_URL);
  workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
  redis = createRedis(env.config.REDIS_URL, 'producer');
  queues = createQueues(redis, env.config.QUEUE_PREFIX);
  // Counts the statements the writer sends, to see the batching.
  const pool = handle.pool;
  const query = pool.query.bind(pool) as (config: { name?: string }) => Promise<unknown>;
  const counting = Object.create(pool) as pg.Pool;
  counting.query = ((config: { name?: string }) => {
    statements.push(config.name ?? '?');
    return query(config);
  }) as pg.Pool['query'];
  writer = createInboxWriter({ pool: counting, queue: queues.inbox, enqueue: { attempts: 1, backoffMs: 1 } });
});
afterAll(async () => {
  await closeQueues(queues);
  await redis.quit();
  await handle.close();
  await env.cleanup();
});

const record = (id: string, body = JSON.stringify({ id, type: 'customer.created' })): InboxRecord => ({
  workspaceId,
  provider: 'stripe',
  externalId: id,
  type: 'customer.created',
  body: Buffer.from(body),
});
const rowOf = async (id: string) =>
  (await handle.db.select().from(inboxEvents).where(eq(inboxEvents.externalId, id)))[0];
const rawPayload = async (id: string) =>
  (await handle.pool.query('select payload from inbox_events where external_id = $1', [id])).rows[0]?.payload;

describe('createInboxWriter', () => {
  it('stores concurrent deliveries with one insert per batch, each answered only after its commit', async () => {
    statements = [];
    const ids = Array.from({ length: 40 }, (_, i) => `evt_group_${i}`);
    // Another connection sees the row as soon as its promise resolves: it was committed.
    const visibleOnResolve = await Promise.all(
      ids.map(async (id) => {
        const stored = await writer.record(record(id));
        const seen = await handle.pool.query('select 1 from inbox_events where external_id = $1', [id]);
        return { outcome: stored.outcome, seen: seen.rowCount };
      }),
    );
    expect(visibleOnResolve.every((v) => v.outcome === 'new' && v.seen === 1)).toBe(true);
    const inserts = statements.filter((s) => s.startsWith('inbox-insert-'));
    expect(inserts.length).toBeLessThanOrEqual(2);

    await writer.drain();
    const jobs = await queues.inbox.getJobs(['waiting']);
    const row = await rowOf('evt_group_0');
    expect(row!.enqueuedAt).not.toBeNull();
    expect(jobs.map((j) => j.id)).toContain(`inbox-${row!.id}-0`);
    expect(jobs).toHaveLength(ids.length);
  });

  it('stores the body byte for byte, including what jsonb and re-serialising could not keep', async () => {
    const body = `{\n  "id": "evt_raw",\n  "s": "a\\u0000b \\ud800",\n  "deep": ${'['.repeat(6000)}${']'.repeat(6000)}\n}`;
    expect((await writer.record(record('evt_raw', body))).outcome).toBe('new');
    expect(await rawPayload('evt_raw')).toBe(body);
  });

  it('answers a second copy in the same batch, and a redelivery of a pending one, as duplicates', async () => {
    const [a, b] = await Promise.all([
      writer.record(record('evt_twice')),
      writer.record(record('evt_twice')),
    ]);
    expect([a.outcome, b.outcome]).toEqual(['new', 'duplicate']);
    expect((await writer.record(record('evt_twice'))).outcome).toBe('duplicate');
    expect(
      (await handle.pool.query("select 1 from inbox_events where external_id = 'evt_twice'")).rowCount,
    ).toBe(1);
  });

  it('reopens a failed event with round + 1 and the new body, and queues it under a new job id', async () => {
    await writer.record(record('evt_failed', '{"id":"evt_failed","v":1}'));
    await writer.drain();
    await handle.db
      .update(inboxEvents)
      .set({ status: 'failed' })
      .where(eq(inboxEvents.externalId, 'evt_failed'));
    const again = await writer.record(record('evt_failed', '{"id":"evt_failed","v":2}'));
    expect(again.outcome).toBe('retry');
    expect(again.row!.round).toBe(1);
    await writer.drain();
    const row = await rowOf('evt_failed');
    expect(row).toMatchObject({ status: 'pending', round: 1, payload: { id: 'evt_failed', v: 2 } });
    expect(row!.enqueuedAt).not.toBeNull();
    expect(await queues.inbox.getJob(`inbox-${row!.id}-1`)).toBeDefined();

    await handle.db.update(inboxEvents).set({ status: 'processed' }).where(eq(inboxEvents.id, row!.id));
    expect((await writer.record(record('evt_failed'))).outcome).toBe('duplicate');
  });

  it('acknowledges once stored even when Redis is down, leaving the row to the relay', async () => {
    const deadRedis = createRedis('redis://127.0.0.1:1', 'producer');
    const deadQueues = createQueues(deadRedis, env.config.QUEUE_PREFIX);
    const errors: string[] = [];
    const cut = createInboxWriter({
      pool: handle.pool,
      queue: deadQueues.inbox,
      enqueue: { attempts: 1, backoffMs: 1, timeoutMs: 500 },
      onEnqueueError: (err) => errors.push(err.message),
    });
    try {
      expect((await cut.record(record('evt_no_redis'))).outcome).toBe('new');
      await cut.drain();
      expect(errors).toHaveLength(1);
      expect(await rowOf('evt_no_redis')).toMatchObject({ status: 'pending', enqueuedAt: null });
    } finally {
      await closeQueues(deadQueues);
      deadRedis.disconnect();
    }
  });

  it('leaves a row stored by a process that died before queueing it to the relay', async () => {
    // Stored (with enqueued_at set, as the ingress does) but never handed to Redis.
    const [stored] = await insertInboxBatch(handle.pool, [record('evt_orphan')]);
    const jobId = `inbox-${stored!.row!.id}-0`;
    expect(await queues.inbox.getJob(jobId)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    await relayPendingEvents(handle.db, queues.inbox, {
      attempts: 1,
      backoffMs: 1,
      minAgeMs: 0,
      stuckAfterMs: 10,
    });
    expect(await queues.inbox.getJob(jobId)).toBeDefined();
  });
});
