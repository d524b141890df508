import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestEnv, eventually, type TestEnv } from '@licensync/test-env';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let env: TestEnv;
let start: ChildProcess;
let apiPort: number;
let workerPort: number;
let output = '';

beforeAll(async () => {
  env = await createTestEnv();
  [apiPort, workerPort] = await Promise.all([freePort(), freePort()]);
  // Its own process group, so the whole tree (pnpm, concurrently, tsx, node) is stopped at the end.
  start = spawn('pnpm', ['start'], {
    cwd: repo,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: env.config.DATABASE_URL,
      REDIS_URL: env.config.REDIS_URL,
      QUEUE_PREFIX: env.config.QUEUE_PREFIX,
      PORT: String(apiPort),
      WORKER_PORT: String(workerPort),
      LOG_LEVEL: 'warn',
    },
  });
  start.stdout!.on('data', (d) => (output += d));
  start.stderr!.on('data', (d) => (output += d));
}, 90_000);
afterAll(async () => {
  if (start.pid && start.exitCode === null) {
    process.kill(-start.pid, 'SIGINT');
    const exited = new Promise((r) => start.once('exit', r));
    const timer = setTimeout(() => process.kill(-start.pid!, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  await env.cleanup();
});

it('under `pnpm start` a crashed worker is restarted and the api keeps serving', async () => {
  const ready = async () => {
    const res = await fetch(`http://127.0.0.1:${apiPort}/readyz`).catch(() => undefined);
    return res?.ok && ((await res.json()) as { workers_ready: boolean }).workers_ready;
  };
  await eventually(ready, 60_000).catch((err) => {
    throw new Error(`${(err as Error).message}\n${output}`);
  });
  const first = listenerPid(workerPort);
  process.kill(first, 'SIGKILL');

  await eventually(async () => !(await ready()), 10_000);
  expect((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).status).toBe(200);
  await eventually(ready, 60_000);
  expect(listenerPid(workerPort)).not.toBe(first);
  expect((await fetch(`http://127.0.0.1:${workerPort}/healthz`)).status).toBe(200);
  expect(output).toMatch(/worker.*restarted/);
}, 150_000);

/** The pid of the process listening on `port` (loopback), read with `ss` from iproute2. */
function listenerPid(port: number): number {
  const line = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(line)?.[1];
  if (!pid) throw new Error(`nothing listens on ${port}: ${line}`);
  return Number(pid);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
