import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brokenPurchases, eventually } from '@licensync/test-env';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

// A local stand-in for a Slack incoming webhook: answers 500 to the first post when told to.
let receiver: Server;
let failNext = false;
const posts: { contentType: string | undefined; body: { text: string } }[] = [];
let stack: Stack;
beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      posts.push({ contentType: req.headers['content-type'], body: JSON.parse(raw) });
      res.writeHead(failNext ? 500 : 200).end('ok');
      failNext = false;
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T0/B0/x`;
  stack = await startStack({ env: { ALERT_WEBHOOK_URL: url, PUBLIC_URL: 'https://licensync.example.com/' } });
});
afterAll(async () => {
  await stack.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

it('posts a Slack-style alert with a link to the failure when a job fails for good', async () => {
  const { price, completed } = brokenPurchases(stack.fake.sim, ['alert@example.com']);
  await stack.deliver(completed);
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('failed');
  const post = await eventually(async () => posts[0]);
  const { body } = await stack.call('GET', '/failures?status=failed');
  const id = body.data[0].id;
  expect(post.contentType).toBe('application/json');
  expect(post.body.text).toContain(
    `licensync: checkout.session.completed ${completed[0]!.id} failed for good after 1 attempt(s) on inbox-events: price ${price.id}: floating_cloud`,
  );
  expect(post.body.text).toContain(
    `<https://licensync.example.com/console/failures/${id}?workspace=default|failure ${id}>`,
  );
  expect(post.body.text).not.toContain('alert@example.com');
});

it('a receiver that fails is counted and logged, and the job outcome is unchanged', async () => {
  failNext = true;
  const { completed } = brokenPurchases(stack.fake.sim, ['alert-down@example.com']);
  await stack.deliver(completed);
  const [row] = await stack.settled(completed);
  expect(row!.status).toBe('failed');
  await eventually(async () => (posts.length >= 2 ? true : undefined));
  const sent = await eventually(async () => {
    const m = await stack.worker!.metrics.alertsSent.get();
    const error = m.values.find((v) => v.labels.outcome === 'error')?.value;
    return error === 1 ? m.values : undefined;
  });
  expect(sent.find((v) => v.labels.outcome === 'sent')?.value).toBe(1);
});
