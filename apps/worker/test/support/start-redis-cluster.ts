import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '@licensync/test-env';
import { Redis } from 'ioredis';

const run = promisify(execFile);

export interface RedisCluster {
  /** `127.0.0.1:port,…`, as `REDIS_CLUSTER_NODES` takes it. */
  nodes: string;
  ports: number[];
  stop(): Promise<void>;
}

/**
 * A throwaway Redis Cluster of `masters` masters and no replicas, from the machine's redis-server
 * on loopback ports from `basePort` (each also uses port + 10000 for the cluster bus), nothing
 * persisted. `stop()` kills exactly these processes and removes their directory.
 */
export async function startRedisCluster(basePort: number, masters = 3): Promise<RedisCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'licensync-cluster-'));
  const ports = Array.from({ length: masters }, (_, i) => basePort + i);
  const children: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
        ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
        ...['--save', '', '--appendonly', 'no'],
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async () => {
    for (const child of children) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) await eventually(() => ping(port), 10_000);
    const addresses = ports.map((p) => `127.0.0.1:${p}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports) await eventually(() => clusterOk(port), 20_000);
    return { nodes: addresses.join(','), ports, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function withNode<T>(port: number, fn: (r: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

const ping = (port: number) => withNode(port, async (r) => (await r.ping()) === 'PONG');
const clusterOk = (port: number) =>
  withNode(port, async (r) => String(await r.cluster('INFO')).includes('cluster_state:ok'));
