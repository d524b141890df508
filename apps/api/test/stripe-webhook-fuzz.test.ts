import { signStripeEvent } from '@licensync/fakes/stripe';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

// Property: whatever arrives (random, mutated or well-formed bodies; valid, stale, future, forged
// or missing signatures; odd content types, encodings and workspace slugs), the webhook answers a
// 2xx or a 4xx with a message, never a 5xx, and stores nothing for a request it refused.
let stack: ApiStack;
beforeAll(async () => {
  stack = await startApi();
});
afterAll(() => stack.close());

const printable = (s: string) => /^[\x20-\x7e]*$/.test(s);
const now = () => Math.floor(Date.now() / 1000);

const eventBody = fc
  .record({
    id: fc.oneof(fc.stringMatching(/^evt_[A-Za-z0-9]{1,30}$/), fc.string({ unit: 'binary', maxLength: 300 })),
    type: fc.oneof(fc.constantFrom('checkout.session.completed', 'customer.created'), fc.string()),
    object: fc.jsonValue({ maxDepth: 4 }),
    pretty: fc.boolean(),
  })
  .map(({ id, type, object, pretty }) =>
    JSON.stringify({ id, object: 'event', type, data: { object } }, null, pretty ? 2 : undefined),
  );

const mutated = fc
  .tuple(eventBody, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'insert'))
  .map(([body, at, byte, how]) => {
    const bytes = Buffer.from(body);
    const i = at % Math.max(1, bytes.length);
    if (how === 'cut') return bytes.subarray(0, i);
    if (how === 'insert')
      return Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
    const copy = Buffer.from(bytes);
    copy[i] = byte;
    return copy;
  });

const body = fc.oneof(
  { weight: 4, arbitrary: eventBody.map((s) => Buffer.from(s)) },
  { weight: 3, arbitrary: mutated },
  { weight: 1, arbitrary: fc.json().map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) },
);

type Signing =
  | { kind: 'valid' | 'wrong-secret' | 'tampered' | 'missing' | 'extra-v1' }
  | { kind: 'dated'; offsetS: number }
  | { kind: 'garbage'; header: string };
const signing: fc.Arbitrary<Signing> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'valid' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...(['wrong-secret', 'tampered', 'missing', 'extra-v1'] as const))
      .map((kind) => ({ kind })),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: -400_000_000, max: 400_000_000 })
      .map((offsetS) => ({ kind: 'dated' as const, offsetS })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string()
      .filter(printable)
      .map((header) => ({ kind: 'garbage' as const, header })),
  },
);

function signatureHeader(payload: Buffer, s: Signing, secret: string): string | undefined {
  // The SDK verifies the body decoded as UTF-8; sign the same text.
  const text = payload.toString();
  if (s.kind === 'missing') return undefined;
  if (s.kind === 'garbage') return s.header;
  if (s.kind === 'wrong-secret') return signStripeEvent(text, 'whsec_not_the_secret').header;
  const { header } = signStripeEvent(
    text,
    secret,
    s.kind === 'dated' ? { timestamp: now() + s.offsetS } : {},
  );
  if (s.kind === 'tampered') return header.replace(/v1=(.)/, (_, c) => `v1=${c === 'a' ? 'b' : 'a'}`);
  if (s.kind === 'extra-v1') return `${header},v1=deadbeef,t=oops`;
  return header;
}

const path = fc.oneof(
  { weight: 6, arbitrary: fc.constant('/webhooks/stripe') },
  { weight: 1, arbitrary: fc.constant('/webhooks/stripe/default') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('/webhooks/stripe/%ff', '/webhooks/stripe/%00', '/webhooks/stripe/a%2Fb'),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'binary', minLength: 1, maxLength: 300 })
      .filter((s) => s.isWellFormed())
      .map((s) => `/webhooks/stripe/${encodeURIComponent(s)}`),
  },
);

const headers = fc.record({
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    '',
    'application/x-www-form-urlencoded',
  ),
  contentEncoding: fc.option(fc.constantFrom('gzip', 'br', 'identity', 'x-bogus'), { nil: undefined }),
});

const inboxCount = async () =>
  Number((await stack.api.db.execute<{ n: string }>(sql`select count(*) as n from inbox_events`)).rows[0]!.n);

it('answers every request with a 2xx or a 4xx with a message, and stores only what it accepted', async () => {
  await fc.assert(
    fc.asyncProperty(body, signing, path, headers, async (payload, sig, urlPath, h) => {
      const signature = signatureHeader(payload, sig, stack.env.config.STRIPE_WEBHOOK_SECRET);
      const before = await inboxCount();
      const res = await fetch(`${stack.api.url}${urlPath}`, {
        method: 'POST',
        headers: {
          ...(h.contentType && { 'content-type': h.contentType }),
          ...(h.contentEncoding && { 'content-encoding': h.contentEncoding }),
          ...(signature !== undefined && { 'stripe-signature': signature }),
        },
        body: payload,
      });
      const answer = (await res.json()) as { error?: unknown; received?: unknown };
      const after = await inboxCount();
      expect(res.status, JSON.stringify(answer)).toBeLessThan(500);
      if (res.status >= 400) {
        expect(typeof answer.error === 'string' && answer.error.length > 0, JSON.stringify(answer)).toBe(
          true,
        );
        expect(after).toBe(before);
      } else {
        expect(answer.received).toBe(true);
        expect(after - before).toBeLessThanOrEqual(1);
      }
    }),
    { numRuns: 300, interruptAfterTimeLimit: 40_000 },
  );
}, 60_000);

it('stores any signed JSON event byte for byte', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), async (object, pretty) => {
      const id = `evt_bytes_${n++}`;
      const event = { id, object: 'event', type: 'customer.updated', data: { object } };
      const text = JSON.stringify(event, null, pretty ? 2 : undefined);
      const { header } = signStripeEvent(text, stack.env.config.STRIPE_WEBHOOK_SECRET);
      const res = await fetch(`${stack.api.url}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: text,
      });
      expect(res.status, await res.text()).toBe(200);
      const rows = await stack.api.db.execute<{ payload: string }>(
        sql`select payload from inbox_events where external_id = ${id}`,
      );
      expect(rows.rows).toEqual([{ payload: text }]);
    }),
    { numRuns: 100, interruptAfterTimeLimit: 20_000 },
  );
}, 30_000);
