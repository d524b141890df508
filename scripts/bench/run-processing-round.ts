import { randomBytes } from 'node:crypto';
import { createDb } from './bench-deps';
import { postSignedEvents } from './post-signed-events';
import { backendPids, measureCpu, redisPid } from './process-cpu';
import { countsBetween, type QueryCounts, queryCounts } from './query-counts';
import type { Child } from './start-child';
import { type ApiProcess, type StackEnv, startWorkerProcesses } from './start-processing-stack';

export interface RoundOptions {
  env: StackEnv;
  api: ApiProcess;
  databaseName: string;
  fakeStripe: { url: string; child: Child };
  workers: number;
  workerConcurrency: number;
  events: number;
  timeoutMs: number;
}

export interface RoundResult {
  workers: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Statements per event sent by the api and the workers, background polling taken out. */
  queriesPerEvent: number;
  /** Of those, transactions (BEGIN) per event. */
  transactionsPerEvent: number;
  /** Statements per event, most frequent first. */
  statements: [string, number][];
  samples: QueryCounts['samples'];
  failed: number;
  /** CPU ms per event by process group while the events were processed. */
  cpuMsPerEvent: Record<string, number>;
}

const SEATS = 3;

/**
 * One end-to-end measurement: `events` checkouts of 3 seats, posted signed to the api, processed
 * by `workers` worker processes reading Stripe from the fake; timed from the first post until
 * every license is committed.
 */
export async function runProcessingRound(opts: RoundOptions): Promise<RoundResult> {
  const tag = randomBytes(3).toString('hex');
  const workers = await startWorkerProcesses(opts.env, opts.workers, opts.workerConcurrency);
  const stack = { api: opts.api.child, webhookUrl: opts.api.webhookUrl, workers };
  const db = createDb(opts.env.databaseUrl, { max: 1 });
  const count = async (sql: string) => Number((await db.pool.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  try {
    const warmUp = Math.min(100, Math.ceil(opts.events / 5));
    const { events } = await opts.fakeStripe.child.ask<{ events: object[] }>(
      { type: 'checkouts', n: warmUp + opts.events, tag },
      'events',
      60_000,
    );
    const children = [stack.api, ...stack.workers];
    // The status index answers this cheaply however large the ledger; an event is marked
    // processed in the same run as its licenses' commit.
    const untilNonePending = async (deadline: number) => {
      while (Date.now() < deadline) {
        if ((await count("select count(*) as n from inbox_events where status = 'pending'")) === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // Warm up (JIT, pools, prepared statements) on events of their own, not counted.
    await postSignedEvents(stack.webhookUrl, events.splice(0, warmUp), opts.env.secret, 32);
    await untilNonePending(Date.now() + opts.timeoutMs);
    // Background statements (relay, outbox polls) per second, measured idle, taken out below.
    const idle0 = await queryCounts(children);
    const idleS = 0.5;
    await new Promise((r) => setTimeout(r, idleS * 1000));
    const idle1 = await queryCounts(children);
    const idleRate = (idle1.total - idle0.total) / idleS;
    const idleTxRate = (idle1.transactions - idle0.transactions) / idleS;

    const startedAt = new Date();
    const started = startedAt.getTime();
    const redis = await redisPid();
    const { result: failedPosts, cpuMs } = await measureCpu(
      {
        workers: () => stack.workers.map((w) => w.process.pid ?? 0),
        api: () => [stack.api.process.pid ?? 0],
        postgres: () => backendPids(opts.databaseName),
        'fake stripe': () => [opts.fakeStripe.child.process.pid ?? 0],
        redis: () => redis,
      },
      async () => {
        const failed = await postSignedEvents(stack.webhookUrl, events, opts.env.secret, 32);
        await untilNonePending(started + opts.timeoutMs);
        return failed;
      },
    );
    const seconds = (Date.now() - started) / 1000;
    const want = SEATS * opts.events;
    const have = await count(
      `select count(*) as n from licenses where created_at >= '${startedAt.toISOString()}'`,
    );
    const after = await queryCounts(children);
    const used = countsBetween(idle1, after);
    const notProcessed = await count("select count(*) as n from inbox_events where status <> 'processed'");
    const perEvent = (n: number) => n / opts.events;
    const statements = Object.entries(used.byStatement)
      .map(([k, v]) => [k, perEvent(v)] as [string, number])
      .sort((a, b) => b[1] - a[1]);
    return {
      workers: opts.workers,
      events: opts.events,
      seconds,
      eventsPerSecond: have >= want ? opts.events / seconds : Number.NaN,
      queriesPerEvent: perEvent(used.total - idleRate * seconds),
      transactionsPerEvent: perEvent(used.transactions - idleTxRate * seconds),
      statements,
      samples: used.samples,
      failed: failedPosts + notProcessed + Math.max(0, want - have),
      cpuMsPerEvent: Object.fromEntries(Object.entries(cpuMs).map(([k, ms]) => [k, ms / opts.events])),
    };
  } finally {
    await db.close();
    await Promise.all(workers.map((w) => w.stop()));
  }
}
