import path from 'node:path';
import { freePort } from './free-port';
import { type Child, startChild } from './start-child';

export interface StackEnv {
  root: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  secret: string;
  stripeApiBase: string;
  /** Write a CPU profile of each worker process here when it stops. */
  profileDir?: string;
}

export interface ApiProcess {
  child: Child;
  webhookUrl: string;
}

// Every process counts its Postgres statements (see count-queries.preload.mjs).
function nodeArgs(env: StackEnv, entry: string, profile = false): string[] {
  const preload = path.join(env.root, 'scripts/bench/count-queries.preload.mjs');
  return [
    ...(profile && env.profileDir ? ['--cpu-prof', '--cpu-prof-dir', env.profileDir] : []),
    ...['--import', 'tsx', '--import', preload, path.join(env.root, entry)],
  ];
}

function processEnv(env: StackEnv) {
  return {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: env.queuePrefix,
    STRIPE_WEBHOOK_SECRET: env.secret,
    STRIPE_API_BASE: env.stripeApiBase,
  };
}

/** licensync's api as `pnpm start` runs it. */
export async function startApiProcess(env: StackEnv): Promise<ApiProcess> {
  const port = await freePort();
  const child = await startChild({
    name: 'api',
    args: nodeArgs(env, 'apps/api/src/main.ts'),
    env: { ...processEnv(env), PORT: String(port), LOG_LEVEL: 'warn' },
    port,
    cwd: env.root,
    ipc: true,
  });
  return { child, webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe` };
}

/** `n` worker processes, each with `concurrency` jobs at once. */
export function startWorkerProcesses(env: StackEnv, n: number, concurrency: number): Promise<Child[]> {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      startChild({
        name: `worker ${i + 1}`,
        args: nodeArgs(env, 'apps/worker/src/main.ts', true),
        // `info` is the default level: the per-event log line is part of the cost.
        env: { ...processEnv(env), LOG_LEVEL: 'info', WORKER_CONCURRENCY: String(concurrency) },
        readyLine: /worker started/,
        cwd: env.root,
        ipc: true,
        readyTimeoutMs: 90_000,
      }),
    ),
  );
}
