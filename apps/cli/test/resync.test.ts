import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './support/run-cli';

// `/api/v1/resyncs` belongs to the resyncs work; this stand-in answers its contract so the CLI's
// side (start, poll, progress, exit code) is pinned down on its own.
const TOKEN = 'resync-test-token-0123456789';
let server: Server;
let url: string;
const requests: { method: string; path: string; body: unknown }[] = [];

beforeAll(async () => {
  const polls = new Map<string, number>();
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      requests.push({ method: req.method!, path: req.url!, body });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end('{}');
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.method === 'POST' && req.url === '/api/v1/resyncs') {
        if (body.kind === 'nonsense')
          return json(400, { error: 'invalid request', fields: { kind: 'unknown' } });
        if (body.kind === 'busy') return json(409, { error: 'a resync is already running', id: 'ok-run' });
        return json(
          202,
          run(body.kind === 'stripe-reconcile' ? 'ok-run' : 'bad-run', body.scope, 'queued', 0),
        );
      }
      const id = /^\/api\/v1\/resyncs\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      if (req.method === 'GET' && id) {
        const n = (polls.get(id) ?? 0) + 1;
        polls.set(id, n);
        const status = n < 3 ? 'running' : id === 'ok-run' ? 'succeeded' : 'failed';
        return json(200, run(id, 'workspace', status, Math.min(n * 40, 100)));
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function run(id: string, scope: string, status: string, done: number) {
  return {
    id,
    kind: id === 'ok-run' ? 'stripe-reconcile' : 'hubspot-resync',
    scope,
    status,
    done,
    total: 100,
    rate_per_second: 40,
    eta_seconds: (100 - done) / 40,
    failed_slices: status === 'failed' ? [{ slice: 'page-3', error: 'HubSpot 500' }] : [],
    report: null,
  };
}

const cli = (...args: string[]) => runCli(args, { LICENSYNC_URL: url, ADMIN_TOKEN: TOKEN });

it('starts a resync and, with --wait, follows it to success: exit 0', async () => {
  const res = await cli(
    'resync',
    'stripe-reconcile',
    '--scope',
    'customer:cus_1',
    '--wait',
    '--interval',
    '50',
  );
  expect(res.code).toBe(0);
  expect(res.stdout).toBe('resync ok-run succeeded: 100/100 done\n');
  expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
    kind: 'stripe-reconcile',
    scope: 'customer:cus_1',
  });
});

it('exits 1 when the resync ends failed, naming the failed slices', async () => {
  const res = await cli('resync', 'hubspot-resync', '--wait', '--interval', '50');
  expect(res.code).toBe(1);
  expect(res.stdout).toContain('failed slice page-3: HubSpot 500');
  expect(res.stderr).toContain('resync bad-run failed');
});

it('without --wait prints the id; a kind the api refuses is a usage error', async () => {
  expect(await cli('resync', 'stripe-reconcile')).toMatchObject({
    code: 0,
    stdout: 'resync ok-run queued\n',
  });
  const refused = await cli('resync', 'nonsense');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('kind: unknown');
});

it('follows the run already going when the api answers 409 with its id', async () => {
  const res = await cli('resync', 'busy', '--wait', '--interval', '50');
  expect(res.code).toBe(0);
  expect(res.stdout).toBe(
    'a busy resync of workspace is already running: ok-run\nresync ok-run succeeded: 100/100 done\n',
  );
});
