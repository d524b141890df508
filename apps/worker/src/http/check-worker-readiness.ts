import type { Db } from '@licensync/core/db';
import type { Queue, Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import { withTimeout } from './with-timeout';

export interface WorkerReadinessDeps {
  db: Db;
  /** Any queue of the process: its connection is the one the worker's producers use. */
  queue: Queue;
  /** The worker that takes live events; not running means this process does nothing useful. */
  inboxWorker: Worker;
}

export interface WorkerReadiness {
  ok: boolean;
  checks: { postgres: boolean; redis: boolean; consuming: boolean };
}

/** Can this worker process do its job now: reach Postgres and Redis, with its inbox worker running. */
export async function checkWorkerReadiness(deps: WorkerReadinessDeps): Promise<WorkerReadiness> {
  const [pg, redis] = await Promise.allSettled([
    withTimeout(deps.db.execute(sql`select 1`), 2000),
    // Any cheap command over the queue's own connection tells whether Redis answers.
    withTimeout(deps.queue.getJobCounts('waiting'), 2000),
  ]);
  const checks = {
    postgres: pg.status === 'fulfilled',
    redis: redis.status === 'fulfilled',
    consuming: deps.inboxWorker.isRunning() && !deps.inboxWorker.closing,
  };
  return { ok: checks.postgres && checks.redis && checks.consuming, checks };
}
