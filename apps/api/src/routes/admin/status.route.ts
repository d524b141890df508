import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { readStatus } from '../../status/read-status';
import { requestWorkspace } from './request-workspace';

/**
 * Queue counts from Redis and what waits in Postgres, for `licensync status`. With Redis down the
 * Postgres half still answers and `queues` is null.
 */
export function statusRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/status', async (req, res) => {
    res.json(await readStatus(deps, requestWorkspace(req, deps)));
  });
  return router;
}
