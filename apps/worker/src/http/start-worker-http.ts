import type { Config } from '@licensync/core/config';
import { listen } from '@licensync/core/lifecycle';
import { collectDefaultMetrics } from 'prom-client';
import type { WorkerRuntime } from '../create-worker-runtime';
import { createWorkerHttp } from './create-worker-http';

export type WorkerHttp = Awaited<ReturnType<typeof startWorkerHttp>>;

/**
 * Listens on `HOST:WORKER_PORT` for the worker process (`main.ts`). Adds Node's process metrics to
 * the worker's registry here, once per process; in-process runtimes in tests share one process.
 */
export async function startWorkerHttp(config: Config, runtime: WorkerRuntime) {
  collectDefaultMetrics({ register: runtime.metrics.registry });
  const server = createWorkerHttp({
    db: runtime.db,
    queue: runtime.queues.inbox,
    inboxWorker: runtime.inboxWorker,
    registry: runtime.metrics.registry,
  });
  const address = await listen(server, {
    host: config.HOST,
    port: config.WORKER_PORT,
    variable: 'WORKER_PORT',
  });
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
