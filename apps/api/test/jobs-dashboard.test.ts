import { QUEUES } from '@licensync/core/queues';
import { eventually } from '@licensync/test-env';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
beforeAll(async () => {
  stack = await startApi();
});
afterAll(() => stack.close());

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const get = (path: string, authorization?: string) =>
  fetch(`${stack.api.url}${path}`, { headers: authorization ? { authorization } : {} });

it.each([
  ['no credentials', undefined],
  ['a wrong bearer token', 'Bearer not-the-admin-token'],
  ['a wrong Basic password', basic('admin', 'not-the-admin-token')],
  ['Basic without a password', `Basic ${Buffer.from('admin').toString('base64')}`],
])('answers 401 with a Basic challenge to %s', async (_name, authorization) => {
  const res = await get('/admin/queues', authorization);
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Basic realm="licensync"');
});

it.each([
  ['a bearer token', () => `Bearer ${stack.env.config.ADMIN_TOKEN}`],
  ['Basic with any user and the token as password', () => basic('ops', stack.env.config.ADMIN_TOKEN)],
])('serves the dashboard and its queue API with %s', async (_name, auth) => {
  const page = await get('/admin/queues', auth());
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  const queues = await get('/admin/queues/api/queues', auth());
  expect(queues.status).toBe(200);
  const body = (await queues.json()) as { queues: { name: string }[] };
  expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
});

describe('writes', () => {
  const bearer = () => `Bearer ${stack.env.config.ADMIN_TOKEN}`;
  const board = (path: string, init: RequestInit) =>
    fetch(`${stack.api.url}/admin/queues/api/queues/${path}`, {
      ...init,
      headers: { authorization: bearer(), ...(init.headers as Record<string, string>) },
    });

  /** A job that failed for good in the inbox queue, as a discarded failure leaves it in BullMQ. */
  async function failedJob(): Promise<string> {
    const { inbox } = stack.api.queues;
    const job = await inbox.add('inbox-x', { inboxId: 1 }, { attempts: 1 });
    const worker = new Worker(
      inbox.name,
      async () => {
        throw new UnrecoverableError('broken on purpose');
      },
      { connection: { url: stack.env.config.REDIS_URL }, prefix: stack.env.config.QUEUE_PREFIX },
    );
    await eventually(async () => (await job.getState()) === 'failed');
    await worker.close();
    return job.id!;
  }

  it('Retry is refused: the board is read-only, replays go through the replay API', async () => {
    const id = await failedJob();
    const res = await board(`${QUEUES.inbox}/${id}/retry`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(405);
    expect(await stack.api.queues.inbox.getJobState(id)).toBe('failed');
  });

  it.each([
    ['as JSON', { 'content-type': 'application/json' }, 405],
    ['as text/plain, the way a cross-site form posts', { 'content-type': 'text/plain' }, 415],
    ['with a foreign Origin', { 'content-type': 'application/json', origin: 'https://evil.example' }, 403],
    [
      'from another site per Sec-Fetch-Site',
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      403,
    ],
  ])('adding a job %s is refused', async (_name, headers, status) => {
    const before = await stack.api.queues.inbox.count();
    const res = await board(`${QUEUES.inbox}/add`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'forged', data: { inboxId: 999 } }),
    });
    expect(res.status).toBe(status);
    expect(await stack.api.queues.inbox.count()).toBe(before);
  });

  it('says where replays happen and serves no third-party fonts', async () => {
    const page = await fetch(`${stack.api.url}/admin/queues`, { headers: { authorization: bearer() } });
    const html = await page.text();
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(page.headers.get('x-powered-by')).toBeNull();
    const queues = await fetch(`${stack.api.url}/admin/queues/api/queues`, {
      headers: { authorization: bearer() },
    });
    const body = (await queues.json()) as { queues: { readOnlyMode: boolean; description?: string }[] };
    for (const q of body.queues) {
      expect(q.readOnlyMode).toBe(true);
      expect(q.description).toContain('POST /api/v1/failures/replay');
    }
  });
});
