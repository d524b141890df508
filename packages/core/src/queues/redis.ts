import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** A single Redis or a Redis Cluster: BullMQ and the rate limiter take either. */
export type RedisConnection = Redis | Cluster;

/**
 * `worker` connections block on Redis and must retry forever (BullMQ requires
 * maxRetriesPerRequest: null). `producer` connections fail fast instead, so an api request is not
 * held hostage by a Redis outage: the inbox row is already safe and the relay enqueues it later.
 *
 * With `clusterNodes` (`host:port,host:port`, from `REDIS_CLUSTER_NODES`) this is an ioredis
 * Cluster seeded from those nodes; `url` then only lends its credentials and TLS (`rediss:`).
 */
export function createRedis(
  url: string,
  role: 'worker' | 'producer',
  clusterNodes?: string,
  /** `autoPipelining`: commands issued in one tick leave in one write (a hot path's many small calls). */
  extra: { autoPipelining?: boolean } = {},
): RedisConnection {
  const opts: RedisOptions = {
    ...(role === 'worker'
      ? { maxRetriesPerRequest: null }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          retryStrategy: (n: number) => Math.min(n * 200, 2000),
        }),
    ...(extra.autoPipelining ? { enableAutoPipelining: true } : {}),
  };
  const redis = clusterNodes ? createCluster(url, clusterNodes, opts) : new Redis(url, opts);
  // Connection errors surface through the commands that fail; an unhandled 'error' would crash.
  redis.on('error', () => {});
  return redis;
}

function createCluster(url: string, nodes: string, opts: RedisOptions): Cluster {
  const { username, password, protocol } = new URL(url);
  const redisOptions: RedisOptions = {
    ...opts,
    ...(username ? { username: decodeURIComponent(username) } : {}),
    ...(password ? { password: decodeURIComponent(password) } : {}),
    ...(protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return new Cluster(parseClusterNodes(nodes), {
    redisOptions,
    // A producer must not queue commands while the cluster is unreachable (see above).
    enableOfflineQueue: opts.enableOfflineQueue ?? true,
    ...(opts.enableAutoPipelining ? { enableAutoPipelining: true } : {}),
    clusterRetryStrategy: (n) => Math.min(n * 200, 2000),
  });
}

/** `host:port,host:port` → ioredis seed nodes; the port defaults to 6379. */
export function parseClusterNodes(nodes: string): { host: string; port: number }[] {
  return nodes
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => {
      const colon = n.lastIndexOf(':');
      return colon < 0
        ? { host: n, port: 6379 }
        : { host: n.slice(0, colon), port: Number(n.slice(colon + 1)) };
    });
}
