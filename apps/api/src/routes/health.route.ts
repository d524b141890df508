import { sql } from 'drizzle-orm';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';

export function healthRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => void res.json({ ok: true }));
  router.get('/readyz', async (_req, res) => {
    const [pg, redis] = await Promise.allSettled([
      withTimeout(deps.db.execute(sql`select 1`), 2000),
      withTimeout(deps.redis.ping(), 2000),
    ]);
    const checks = { postgres: pg.status === 'fulfilled', redis: redis.status === 'fulfilled' };
    res
      .status(checks.postgres && checks.redis ? 200 : 503)
      .json({ ok: checks.postgres && checks.redis, checks });
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
