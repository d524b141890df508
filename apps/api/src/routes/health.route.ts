import { sql } from 'drizzle-orm';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { readLiveness, toLivenessJson } from '../status/read-liveness';

export function healthRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => void res.json({ ok: true }));
  router.get('/readyz', async (_req, res) => {
    const [pg, redis] = await Promise.allSettled([
      withTimeout(deps.db.execute(sql`select 1`), 2000),
      withTimeout(deps.redis.ping(), 2000),
    ]);
    const checks = { postgres: pg.status === 'fulfilled', redis: redis.status === 'fulfilled' };
    const ok = checks.postgres && checks.redis;
    // Workers are reported, not required: the api keeps taking webhooks into the inbox while a
    // worker restarts, so a load balancer must not take it out of rotation for that.
    const liveness = checks.postgres
      ? await readLiveness({ db: deps.db, queues: deps.queues, workspaceId: deps.defaultWorkspaceId }).then(
          toLivenessJson,
          () => null,
        )
      : null;
    res.status(ok ? 200 : 503).json({ ok, checks, ...liveness });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
