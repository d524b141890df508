import { QUEUES } from '@licensync/core/queues';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
