import { connect, type Socket } from 'node:net';
import { deliverStripeEvent } from '@licensync/fakes/stripe';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

const MB = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 2000;
let stack: ApiStack;
let port: number;
beforeAll(async () => {
  stack = await startApi({
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_HEADERS_TIMEOUT_MS: '500',
    WEBHOOK_BYTES_IN_FLIGHT: String(8 * MB),
  });
  port = stack.api.port;
});
afterAll(() => stack.close());

interface Client {
  socket: Socket;
  /** The status line's code, once the server answered. */
  status?: number;
  closedAfterMs?: number;
}

function open(head: string, body?: Buffer): Client {
  const started = Date.now();
  const socket = connect({ host: '127.0.0.1', port });
  const client: Client = { socket };
  socket.on('error', () => {});
  socket.on('data', (chunk) => {
    client.status ??= Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1]);
  });
  socket.on('close', () => {
    client.closedAfterMs = Date.now() - started;
  });
  socket.write(head);
  if (body) socket.write(body);
  return client;
}

async function untilClosed(clients: Client[], withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (clients.some((c) => c.closedAfterMs === undefined) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  for (const c of clients) c.socket.destroy();
}

const head = (length: number, extra = '') =>
  `POST /webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
  `Stripe-Signature: t=1,v1=00\r\nContent-Length: ${length}\r\n${extra}\r\n`;

it('200 slow bodies of 1 MB minus one byte are refused or cut off, and hold at most the budget', async () => {
  const held = Buffer.alloc(MB - 1, 0x20);
  const base = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
  }, 20);
  const clients = Array.from({ length: 200 }, () => open(head(MB), held));
  await untilClosed(clients, REQUEST_TIMEOUT_MS + 4000);
  clearInterval(sampler);

  // Every connection is gone: refused at once (429) beyond the 8 MB budget, cut off (408) within it.
  expect(clients.filter((c) => c.closedAfterMs === undefined)).toHaveLength(0);
  const statuses = clients.map((c) => c.status);
  expect(statuses.filter((s) => s === 408).length).toBeLessThanOrEqual(8);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(180);
  // A refused client may see its connection reset before it reads the 429.
  expect(statuses.every((s) => s === 429 || s === 408 || s === undefined)).toBe(true);
  expect(Math.max(...clients.map((c) => c.closedAfterMs!))).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);
  // 200 bodies would be 200 MB; the budget lets 8 MB in (plus socket buffers in flight).
  expect(peak).toBeLessThan(48 * MB);

  // The budget is released: a real delivery goes through.
  const res = await deliverStripeEvent(
    `${stack.api.url}/webhooks/stripe`,
    { id: 'evt_after_slow', object: 'event', type: 'customer.created', data: { object: {} } },
    stack.env.config.STRIPE_WEBHOOK_SECRET,
  );
  expect(res.status).toBe(200);
});

it('cuts off a client that sends its headers too slowly', async () => {
  const slow = open('POST /webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  await untilClosed([slow], 3000);
  expect(slow.closedAfterMs).toBeLessThan(3000);
});

it('refuses a header flood with 431', async () => {
  const big = open(head(2, `X-Pad: ${'a'.repeat(20_000)}\r\n`), Buffer.from('{}'));
  const many = open(head(2, 'X-Pad: aaaaaaaa\r\n'.repeat(2000)), Buffer.from('{}'));
  await untilClosed([big, many], 3000);
  expect([big.status, many.status]).toEqual([431, 431]);
});
