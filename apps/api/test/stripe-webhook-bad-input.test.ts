import { randomBytes } from 'node:crypto';
import { signStripeEvent } from '@licensync/fakes/stripe';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

// Signed webhooks that once answered 500 and were never stored (Stripe would retry them for days):
// each is now stored exactly as signed, or refused with a 4xx naming what cannot be stored.
let stack: ApiStack;
beforeAll(async () => {
  stack = await startApi();
});
afterAll(() => stack.close());

async function post(body: string | Buffer, opts: { path?: string; timestamp?: number } = {}) {
  const text = body.toString();
  const { header } = signStripeEvent(text, stack.env.config.STRIPE_WEBHOOK_SECRET, opts);
  const res = await fetch(`${stack.api.url}${opts.path ?? '/webhooks/stripe'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const stored = async (externalId: string) =>
  (
    await stack.api.db.execute<{ payload: string }>(
      sql`select payload from inbox_events where external_id = ${externalId}`,
    )
  ).rows;
const rowCount = async () =>
  Number((await stack.api.db.execute<{ n: string }>(sql`select count(*) as n from inbox_events`)).rows[0]!.n);

const event = (id: string, extra = '') =>
  `{\n  "id": "${id}",\n  "object": "event",\n  "type": "customer.updated",\n  "data": {"object": {"id": "cus_1"${extra}}}\n}`;

describe('signed webhooks that cannot go through jsonb or JSON.stringify are stored as received', () => {
  it.each([
    ['a \\u0000 escape in a string', 'evt_nul_escape', ', "name": "a\\u0000b"'],
    ['a lone surrogate in a string', 'evt_lone_surrogate', ', "name": "\\ud800 and \\udfff"'],
    ['nesting 6,000 deep', 'evt_deep', `, "deep": ${'['.repeat(6000)}${']'.repeat(6000)}`],
  ])('%s: 200, and the row holds the body byte for byte', async (_name, id, extra) => {
    const body = event(id, extra);
    const res = await post(body);
    expect(res).toEqual({ status: 200, body: { received: true } });
    expect(await stored(id)).toEqual([{ payload: body }]);
  });
});

describe('what cannot be stored is refused with a 4xx naming the reason, and nothing is stored', () => {
  it.each([
    // Random, so it does not compress below Postgres's index row limit.
    [
      'a random id of 8 KB',
      event(randomBytes(4000).toString('hex')),
      'event id is longer than 255 characters',
    ],
    ['a NUL in the id', event('evt\\u0000nul'), 'event id contains a NUL character'],
    [
      'a lone surrogate in the id',
      event('evt\\ud800'),
      'event id is not well-formed Unicode (lone surrogate)',
    ],
    [
      'bytes that are not UTF-8',
      Buffer.from([...Buffer.from('{"id":"evt_bin","type":"x","v":"'), 0xc3, 0x28, 0x22, 0x7d]),
      'body is not valid UTF-8',
    ],
  ])('%s', async (_name, body, error) => {
    const before = await rowCount();
    expect(await post(body)).toEqual({ status: 400, body: { error } });
    expect(await rowCount()).toBe(before);
  });

  it('a NUL in the workspace slug is an unknown workspace (404), not a database error', async () => {
    const before = await rowCount();
    const res = await post(event('evt_nul_slug'), { path: '/webhooks/stripe/acme%00corp' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatch(/^unknown workspace/);
    expect(await rowCount()).toBe(before);
  });
});

describe('signature timestamps', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a signature dated more than 5 minutes in the future', async () => {
    for (const ahead of [301, 10 * 365 * 86_400]) {
      const res = await post(event(`evt_future_${ahead}`), { timestamp: now() + ahead });
      expect(res).toEqual({
        status: 400,
        body: { error: 'signature timestamp is more than 300 s in the future' },
      });
      expect(await stored(`evt_future_${ahead}`)).toEqual([]);
    }
  });

  it('accepts a clock a minute ahead (within the tolerance)', async () => {
    expect((await post(event('evt_future_60'), { timestamp: now() + 60 })).status).toBe(200);
  });
});
