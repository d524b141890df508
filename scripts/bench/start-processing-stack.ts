import path from 'node:path';
import { freePort } from './free-port';
import { type Child, startChild } from './start-child';

export interface ProcessingStackOptions {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  secret: string;
  stripeApiBase: string;
  workers: number;
  workerConcurrency: number;
  /** Write a CPU profile of each worker process here when it stops. */
  profileDir?: string;
}

export interface ProcessingStack {
  webhookUrl: string;
  api: Child;
  workers: Child[];
  stop(): Promise<void>;
}

/**
 * licensync's api and `workers` worker processes, as `pnpm start` runs them, each counting its
 * Postgres statements (see count-queries.preload.mjs).
 */
export async function startProcessingStack(opts: ProcessingStackOptions): Promise<ProcessingStack> {
  const preload = path.join(opts.root, 'scripts/bench/count-queries.preload.mjs');
  const args = (entry: string, profile = false) => [
    ...(profile && opts.profileDir ? ['--cpu-prof', '--cpu-prof-dir', opts.profileDir] : []),
    ...['--import', 'tsx', '--import', preload, path.join(opts.root, entry)],
  ];
  const env = {
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: opts.queuePrefix,
    STRIPE_WEBHOOK_SECRET: opts.secret,
    STRIPE_API_BASE: opts.stripeApiBase,
  };
  const port = await freePort();
  const api = await startChild({
    name: 'api',
    args: args('apps/api/src/main.ts'),
    env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    port,
    cwd: opts.root,
    ipc: true,
  });
  const workers = await Promise.all(
    Array.from({ length: opts.workers }, (_, i) =>
      startChild({
        name: `worker ${i + 1}`,
        args: args('apps/worker/src/main.ts', true),
        // `info` is the default level: the per-event log line is part of the cost.
        env: { ...env, LOG_LEVEL: 'info', WORKER_CONCURRENCY: String(opts.workerConcurrency) },
        readyLine: /worker started/,
        cwd: opts.root,
        ipc: true,
        readyTimeoutMs: 60_000,
      }),
    ),
  );
  return {
    webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe`,
    api,
    workers,
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await api.stop();
    },
  };
}
