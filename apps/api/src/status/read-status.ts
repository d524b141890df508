import { countOpenWork } from '@licensync/core/failures';
import type { AppDeps } from '../app-deps';
import { readLiveness, toLivenessJson } from './read-liveness';

const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * What `GET /api/v1/status` answers and the console's overview shows: queue counts from Redis
 * and what waits in Postgres. With Redis down the Postgres half still answers and `queues` is null.
 */
export async function readStatus(deps: Pick<AppDeps, 'db' | 'queues'>, workspaceId: string) {
  const { db, queues } = deps;
  const [work, liveness] = await Promise.all([
    countOpenWork({ db, workspaceId }),
    readLiveness({ db, queues, workspaceId }),
  ]);
  let queueCounts: Record<string, Record<string, number>> | null = null;
  try {
    queueCounts = Object.fromEntries(
      await Promise.all(
        Object.values(queues).map(async (q) => [q.name, await withTimeout(q.getJobCounts(...STATES), 2000)]),
      ),
    );
  } catch {
    queueCounts = null;
  }
  return {
    queues: queueCounts,
    inbox_pending: work.inboxPending,
    failures_open: work.failuresOpen,
    outbox_pending: work.outboxPending,
    ...toLivenessJson(liveness),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
