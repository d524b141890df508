import { randomUUID } from 'node:crypto';
import { type Config, envSchema } from '@licensync/core/config';
import { createLogger } from '@licensync/core/logging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiRuntime } from '../src/create-api-runtime';
import { type ApiStack, startApi } from './support/start-api';

// TRUST_PROXY decides whether X-Forwarded-For is the client's address, for the per-address
// license API limit and the request log.
let stack: ApiStack;

beforeAll(async () => {
  stack = await startApi({ LICENSE_API_RATE_PER_IP: '2', LICENSE_API_RATE_PER_KEY: '1000' });
  const catalog = {
    products: [
      {
        short_code: 'proxied',
        name: 'Proxied',
        authorization_method: 'license-key',
        policies: [{ code: 'perp', name: 'Perpetual', license_type: 'perpetual', is_default: true }],
      },
    ],
  };
  expect((await stack.call('POST', '/catalog/import', catalog)).status).toBe(200);
});
afterAll(() => stack.close());

/** An api on the stack's database and Redis with this TRUST_PROXY, logging into `lines`. */
async function apiWith(trustProxy: string | undefined) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'info',
    name: 'api',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  const parsed = envSchema.shape.TRUST_PROXY.parse(trustProxy);
  const config: Config = { ...stack.env.config, TRUST_PROXY: parsed, PORT: 0 };
  const api = await createApiRuntime(config, logger);
  // Every call uses a new key, so only the per-address limit can refuse it.
  const check = (forwardedFor: string) =>
    fetch(`${api.url}/license/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ product: 'proxied', license_key: randomUUID(), hardware_id: 'hw' }),
    }).then((r) => r.status);
  const loggedIps = () =>
    lines
      .filter((l) => (l.req as { path?: string } | undefined)?.path === '/license/v1/check')
      .map((l) => (l.req as { ip: string }).ip);
  return { api, check, loggedIps };
}

describe('TRUST_PROXY', () => {
  it('parses as express takes it, and refuses what is not an address, CIDR or range name', () => {
    const parse = (v: string | undefined) => envSchema.shape.TRUST_PROXY.safeParse(v);
    expect(parse(undefined).data).toBe(false);
    expect(parse('false').data).toBe(false);
    expect(parse('true').data).toBe(true);
    expect(parse('2').data).toBe(2);
    expect(parse('loopback, 10.0.0.0/8,fd00::/8,192.168.1.1/255.255.255.0').data).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.1/255.255.255.0',
    ]);
    expect(parse('10.0.0.0/33').success).toBe(false);
    expect(parse('proxy.internal').success).toBe(false);
  });

  it('set to a trusted proxy: X-Forwarded-For decides the limited address and the logged one', async () => {
    const { api, check, loggedIps } = await apiWith('loopback');
    try {
      const a = '203.0.113.10';
      const b = '203.0.113.11';
      expect(await check(a)).not.toBe(429);
      expect(await check(a)).not.toBe(429);
      expect(await check(a)).toBe(429);
      // Another client behind the same proxy has its own count.
      expect(await check(b)).not.toBe(429);
      // The proxy appends the address it saw; the client cannot claim another by sending one.
      expect(await check(`198.51.100.1, ${a}`)).toBe(429);
      await new Promise((r) => setTimeout(r, 50));
      expect(loggedIps()).toEqual([a, a, a, b, a]);
    } finally {
      await api.close();
    }
  });

  it('unset: X-Forwarded-For is ignored, the socket address is limited and logged', async () => {
    const { api, check, loggedIps } = await apiWith(undefined);
    try {
      const statuses = [];
      for (const ip of ['203.0.113.20', '203.0.113.21', '203.0.113.22']) statuses.push(await check(ip));
      expect(statuses.slice(0, 2)).not.toContain(429);
      expect(statuses[2]).toBe(429);
      await new Promise((r) => setTimeout(r, 50));
      expect(new Set(loggedIps())).toEqual(new Set(['127.0.0.1']));
    } finally {
      await api.close();
    }
  });
});
