import { countOpenWork } from '@licensync/core/failures';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { readLiveness, toLivenessJson } from '../../status/read-liveness';
import { requestWorkspace } from './request-workspace';

const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * Queue counts from Redis and what waits in Postgres, for `licensync status`. With Redis down the
 * Postgres half still answers and `queues` is null.
 */
export function statusRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, queues } = deps;

  router.get('/status', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const [work, liveness] = await Promise.all([
      countOpenWork({ db, workspaceId }),
      readLiveness({ db, queues, workspaceId }),
    ]);
    let queueCounts: Record<string, Record<string, number>> | null = null;
    try {
      queueCounts = Object.fromEntries(
        await Promise.all(
          Object.values(queues).map(async (q) => [
            q.name,
            await withTimeout(q.getJobCounts(...STATES), 2000),
          ]),
        ),
      );
    } catch {
      queueCounts = null;
    }
    res.json({
      queues: queueCounts,
      inbox_pending: work.inboxPending,
      failures_open: work.failuresOpen,
      outbox_pending: work.outboxPending,
      ...toLivenessJson(liveness),
    });
  });

  return router;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
