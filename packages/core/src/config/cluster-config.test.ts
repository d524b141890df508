import { describe, expect, it } from 'vitest';
import { parseClusterNodes } from '../queues/redis';
import { loadConfig } from './load-config';

describe('Redis Cluster settings', () => {
  it('needs a hash-tagged QUEUE_PREFIX, so each queue and rate-limit bucket stays in one slot', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:6379' })).toThrow(
      'Invalid environment variable QUEUE_PREFIX: with REDIS_CLUSTER_NODES it must start with a hash tag, e.g. {licensync}',
    );
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:6379,redis-2', QUEUE_PREFIX: '{licensync}' });
    expect(config.QUEUE_PREFIX).toBe('{licensync}');
  });

  it.each(['{licensync', 'lic}ensync', '{}', 'a{b}', '{a b}'])('refuses the prefix %j', (prefix) => {
    expect(() => loadConfig({ QUEUE_PREFIX: prefix })).toThrow(/QUEUE_PREFIX/);
  });

  it.each(['', 'a:1,,b', 'a b:1'])('refuses the node list %j', (nodes) => {
    // An empty value counts as unset; the others are malformed lists.
    if (nodes === '') expect(loadConfig({ REDIS_CLUSTER_NODES: nodes }).REDIS_CLUSTER_NODES).toBeUndefined();
    else expect(() => loadConfig({ REDIS_CLUSTER_NODES: nodes })).toThrow(/REDIS_CLUSTER_NODES/);
  });

  it('reads host:port seeds, port 6379 when left out', () => {
    expect(parseClusterNodes('10.0.0.1:7000, redis-b ')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 6379 },
    ]);
  });
});
