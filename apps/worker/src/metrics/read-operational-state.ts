import type { Db } from '@licensync/core/db';
import type { OperationalState } from '@licensync/core/metrics';
import type { Queues } from '@licensync/core/queues';
import type { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/** Reads every state gauge's value in one Postgres query and a few Redis calls per queue. */
export async function readOperationalState(deps: { db: Db; queues: Queues }): Promise<OperationalState> {
  const queues = Object.values(deps.queues);
  const [perQueue, rows] = await Promise.all([
    Promise.all(queues.map(readQueue)),
    deps.db.execute<{
      outbox: number;
      lag: number;
      failures: number;
      resyncs: { kind: string; failed: boolean }[];
    }>(sql`
      select
        (select count(*)::int from sync_outbox where status = 'pending') as outbox,
        coalesce((select extract(epoch from now() - min(created_at))::float8
          from sync_outbox where status = 'pending'), 0) as lag,
        (select count(*)::int from job_failures where status = 'failed') as failures,
        coalesce((select json_agg(json_build_object('kind', kind, 'failed', status = 'failed'))
          from (select distinct on (kind) kind, status from resync_runs
                where status in ('succeeded', 'failed') order by kind, finished_at desc nulls last) latest),
          '[]'::json) as resyncs`),
  ]);
  const row = rows.rows[0];
  return {
    queueJobs: perQueue.flatMap((q) => q.jobs),
    oldestWaitingSeconds: perQueue.map((q) => ({ queue: q.queue, seconds: q.oldestSeconds })),
    queueWorkers: perQueue.map((q) => ({ queue: q.queue, count: q.workers })),
    outboxPending: row?.outbox ?? 0,
    outboxLagSeconds: Math.max(0, row?.lag ?? 0),
    failuresOpen: row?.failures ?? 0,
    resyncLastFailed: row?.resyncs ?? [],
  };
}

async function readQueue(queue: Queue) {
  const [counts, oldestPlain, prioritized, workers] = await Promise.all([
    queue.getJobCounts(...STATES),
    queue.getJobs(['wait'], 0, 0, true),
    // Prioritized jobs are ordered by priority, not age: the oldest is among the first few.
    queue.getJobs(['prioritized'], 0, 49, true),
    queue.getWorkersCount(),
  ]);
  const times = [...oldestPlain, ...prioritized]
    .map((j) => j?.timestamp)
    .filter((t) => typeof t === 'number');
  const oldest = times.length > 0 ? Math.min(...times) : undefined;
  return {
    queue: queue.name,
    jobs: STATES.map((state) => ({ queue: queue.name, state, count: counts[state] ?? 0 })),
    oldestSeconds: oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
    workers,
  };
}
