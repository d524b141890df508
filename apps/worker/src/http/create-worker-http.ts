import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { checkWorkerReadiness, type WorkerReadinessDeps } from './check-worker-readiness';

export interface WorkerHttpDeps extends WorkerReadinessDeps {
  registry: Registry;
}

/**
 * The worker's small HTTP face, for orchestrators and Prometheus: `/healthz` (the process answers),
 * `/readyz` (it can work: Postgres, Redis, its inbox worker running) and `/metrics`. No admin
 * routes, so it needs no token; bind it to loopback or a private network.
 */
export function createWorkerHttp(deps: WorkerHttpDeps): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    if (path === '/healthz') return json(res, 200, { ok: true });
    if (path === '/readyz') {
      return void checkWorkerReadiness(deps).then(
        (r) => json(res, r.ok ? 200 : 503, r),
        () => json(res, 503, { ok: false }),
      );
    }
    if (path === '/metrics') {
      return void deps.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': deps.registry.contentType });
          res.end(text);
        },
        () => json(res, 500, { error: 'metrics unavailable' }),
      );
    }
    json(res, 404, { error: 'not found' });
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
