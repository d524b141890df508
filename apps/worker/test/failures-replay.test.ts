import { REPLAY_PRIORITY } from '@licensync/core/failures';
import * as schema from '@licensync/core/schema';
import { brokenPurchases, eventually } from '@licensync/test-env';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/start-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ catalog: true });
});
afterAll(() => stack.close());

/** A one-off purchase of a price whose metadata breaks a rule (floating_cloud > max_activations). */
function brokenPurchase(email: string) {
  const { price, purchases, fix } = brokenPurchases(stack.fake.sim, [email]);
  const { completed, pi, sessionId } = purchases[0]!;
  return { price, completed, paymentIntentId: pi, sessionId, fix };
}

async function licensesOf(paymentIntentId: string) {
  return stack.api.db
    .select()
    .from(schema.licenses)
    .where(eq(schema.licenses.stripePaymentIntentId, paymentIntentId));
}

async function failureRow(id: number) {
  const [row] = await stack.api.db.select().from(schema.jobFailures).where(eq(schema.jobFailures.id, id));
  return row!;
}

it('a failure replayed before its cause is fixed stays the same failure, with one more attempt', async () => {
  const purchase = brokenPurchase('replay-again@example.com');
  await stack.deliver(purchase.completed);
  await stack.settled(purchase.completed);
  const open = await stack.api.db
    .select()
    .from(schema.jobFailures)
    .where(eq(schema.jobFailures.eventId, purchase.completed[0]!.id));
  expect(open).toHaveLength(1);
  const id = open[0]!.id;

  for (const attempts of [2, 3]) {
    const { body } = await stack.call('POST', '/failures/replay', { ids: [id] });
    expect(body).toMatchObject({ matched: 1, requeued: 1 });
    await eventually(async () => ((await failureRow(id)).status === 'failed' ? true : undefined), 10_000);
    const rows = await stack.api.db
      .select()
      .from(schema.jobFailures)
      .where(eq(schema.jobFailures.eventId, purchase.completed[0]!.id));
    expect(rows.map((r) => [r.id, r.status, r.attempts])).toEqual([[id, 'failed', attempts]]);
    expect(rows[0]!.errors.map((e) => e.attempt)).toEqual([1, 2, 3].slice(0, attempts));
  }
});

describe('a permanent failure, fixed and replayed by id', () => {
  let purchase: ReturnType<typeof brokenPurchase>;
  let failureId: number;

  beforeAll(async () => {
    purchase = brokenPurchase('replay@example.com');
    await stack.deliver(purchase.completed);
    await stack.settled(purchase.completed);
  });

  it('is listed with its reason and found by event type and error text', async () => {
    const { status, body } = await stack.call(
      'GET',
      `/failures?event_type=checkout.session.completed&error=${encodeURIComponent(purchase.price.id.toUpperCase())}`,
    );
    expect(status).toBe(200);
    expect(body.has_more).toBe(false);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      queue: 'inbox-events',
      job_name: 'process-inbox-event',
      event_id: purchase.completed[0]!.id,
      event_type: 'checkout.session.completed',
      attempts: 1,
      status: 'failed',
    });
    expect(body.data[0].last_error).toContain('floating_cloud (5) must be ≤ max_activations (2)');
    failureId = body.data[0].id;
    expect((await stack.call('GET', '/failures?event_type=invoice.paid')).body.data).toEqual([]);
    expect((await stack.call('GET', '/failures?since=2999-01-01')).body.data).toEqual([]);
    expect(
      (await stack.call('GET', '/failures?created[gte]=2000-01-01')).body.data.map(
        (f: { id: number }) => f.id,
      ),
    ).toContain(failureId);
  });

  it('shows the stored event and every attempt error', async () => {
    const { status, body } = await stack.call('GET', `/failures/${failureId}`);
    expect(status).toBe(200);
    expect(body.event).toMatchObject({ id: purchase.completed[0]!.id, status: 'failed', round: 0 });
    expect(body.event.payload.data.object.id).toBe(purchase.sessionId);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toContain('floating_cloud');
    expect((await stack.call('GET', '/failures/999999')).status).toBe(404);
  });

  it('succeeds once the price is fixed, is marked replayed, and a second replay is a no-op', async () => {
    purchase.fix();
    const first = await stack.call('POST', '/failures/replay', { ids: [failureId] });
    expect(first.body).toMatchObject({ matched: 1, requeued: 1, skipped: 0 });
    await eventually(async () => (await licensesOf(purchase.paymentIntentId)).length === 1);
    const [event] = await stack.settled(purchase.completed);
    expect(event).toMatchObject({ status: 'processed', round: 1 });
    expect((await failureRow(failureId)).status).toBe('replayed');

    const second = await stack.call('POST', '/failures/replay', { ids: [failureId] });
    expect(second.body).toMatchObject({ matched: 1, requeued: 0, skipped: 1 });
    expect(await licensesOf(purchase.paymentIntentId)).toHaveLength(1);
    const replayed = await stack.call('GET', '/failures?status=replayed');
    expect(replayed.body.data.map((f: { id: number }) => f.id)).toContain(failureId);
    const shown = await stack.call('GET', `/failures/${failureId}`);
    expect(
      shown.body.actions.map((a: { kind: string; outcome: string; actor: string }) => [
        a.kind,
        a.outcome,
        a.actor,
      ]),
    ).toEqual([
      ['failure.replayed', 'ok', 'api'],
      ['failure.replayed', 'skipped', 'api'],
    ]);
  });

  it('shows in the history of the payment, the email and the license: received, failed, replayed, processed', async () => {
    const [license] = await licensesOf(purchase.paymentIntentId);
    const searches = [
      `stripe_id=${purchase.paymentIntentId}`,
      `customer_email=${encodeURIComponent('Replay@Example.com')}`,
      `license_id=${license!.id}`,
      `license_key=${encodeURIComponent(license!.licenseKey!)}`,
    ];
    for (const search of searches) {
      const { status, body } = await stack.call('GET', `/history?${search}`);
      expect(status, search).toBe(200);
      const kinds = body.data.map(
        (e: { kind: string; outcome: string; at: string }) => `${e.kind}:${e.outcome}`,
      );
      // Newest first: the successful round, the replay that started it, the failure, the receipt.
      expect(kinds, search).toEqual([
        'failure.replayed:skipped',
        'job.processed:ok',
        'failure.replayed:ok',
        'job.failed:error',
        'stripe.event.received:ok',
      ]);
      const failed = body.data.find(
        (e: { kind: string; outcome: string; at: string }) => e.kind === 'job.failed',
      );
      expect(failed.error).toContain('floating_cloud');
      expect(failed.detail.failure).toEqual({ id: failureId, status: 'replayed' });
      const times = body.data.map((e: { kind: string; outcome: string; at: string }) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
  });
});

describe('bulk replay by filter', () => {
  it('counts with a dry run, then requeues every match at a priority below live traffic', async () => {
    const { sim } = stack.fake;
    const emails = ['bulk1@example.com', 'bulk2@example.com', 'bulk3@example.com'];
    const limits = { max_activations: '1', floating_cloud: '9' };
    const { price, purchases, completed: events } = brokenPurchases(sim, emails, limits);
    await stack.deliver(events);
    await stack.settled(events);
    const liveJob = await stack.api.queues.inbox.getJob(`inbox-${(await stack.settled(events))[0]!.id}-0`);
    expect(liveJob?.opts.priority ?? 0).toBe(0);

    const filter = { event_type: 'checkout.session.completed', error: price.id };
    const dry = await stack.call('POST', '/failures/replay', { filter, dry_run: true });
    expect(dry.body).toEqual({ matched: 3, requeued: 0, skipped: 0, dry_run: true, would_requeue: 3 });
    expect((await stack.settled(events)).every((r) => r.status === 'failed' && r.round === 0)).toBe(true);

    sim.updatePrice(price.id, { metadata: { floating_cloud: '1' } });
    const real = await stack.call('POST', '/failures/replay', { filter });
    expect(real.body).toMatchObject({ matched: 3, requeued: 3, skipped: 0, dry_run: false });
    for (const p of purchases) {
      await eventually(async () => (await licensesOf(p.pi)).length === 1);
    }
    const rows = await stack.settled(events);
    expect(rows.map((r) => [r.status, r.round])).toEqual(rows.map(() => ['processed', 1]));
    const replayJob = await stack.api.queues.inbox.getJob(`inbox-${rows[0]!.id}-1`);
    expect(replayJob?.opts.priority).toBe(REPLAY_PRIORITY);
    const again = await stack.call('POST', '/failures/replay', { filter, dry_run: true });
    expect(again.body).toMatchObject({ matched: 0, would_requeue: 0 });
  });
});

describe('discard', () => {
  it('archives a failure with its reason and leaves it out of the open list', async () => {
    const purchase = brokenPurchase('discard@example.com');
    await stack.deliver(purchase.completed);
    await stack.settled(purchase.completed);
    const listed = await stack.call('GET', `/failures?error=${purchase.price.id}`);
    const id = listed.body.data[0].id;

    const discarded = await stack.call('POST', '/failures/discard', { ids: [id], reason: 'test purchase' });
    expect(discarded.body).toEqual({ matched: 1, discarded: 1, skipped: 0 });
    expect((await stack.call('GET', `/failures?error=${purchase.price.id}`)).body.data).toEqual([]);
    const archived = await stack.call('GET', `/failures?status=discarded&error=${purchase.price.id}`);
    expect(archived.body.data.map((f: { id: number }) => f.id)).toEqual([id]);
    const shown = await stack.call('GET', `/failures/${id}`);
    expect(shown.body.status).toBe('discarded');
    expect(shown.body.actions).toMatchObject([
      { kind: 'failure.discarded', reason: 'test purchase', actor: 'api' },
    ]);
    // A discarded failure is not replayed, and discarding it again changes nothing.
    expect((await stack.call('POST', '/failures/replay', { ids: [id] })).body).toMatchObject({
      requeued: 0,
      skipped: 1,
    });
    expect((await stack.call('POST', '/failures/discard', { ids: [id], reason: 'again' })).body).toEqual({
      matched: 1,
      discarded: 0,
      skipped: 1,
    });
    const history = await stack.call('GET', `/history?stripe_id=${purchase.sessionId}`);
    expect(history.body.data.slice(0, 2)).toMatchObject([
      { kind: 'failure.replayed', outcome: 'skipped', message: 'failure is already discarded' },
      { kind: 'failure.discarded', outcome: 'ok', message: 'discarded by api: test purchase' },
    ]);
  });
});

describe('requests the API refuses', () => {
  it.each([
    ['both ids and filter', { ids: [1], filter: {} }, 'ids'],
    ['neither', {}, 'ids'],
    ['a bad time', { filter: { since: 'yesterday' } }, 'filter.since'],
    ['an unknown field', { ids: [1], force: true }, 'force'],
  ])('replay with %s answers 400 naming the field', async (_name, body, field) => {
    const res = await stack.call('POST', '/failures/replay', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid request');
    expect(Object.keys(res.body.fields)).toContain(field);
  });

  it('a replay of an unknown id answers 404; a discard needs a reason; history needs a search', async () => {
    expect((await stack.call('POST', '/failures/replay', { ids: [987654] })).status).toBe(404);
    const noReason = await stack.call('POST', '/failures/discard', { ids: [1] });
    expect(noReason).toMatchObject({ status: 400, body: { fields: { reason: 'required' } } });
    expect((await stack.call('GET', '/history')).status).toBe(400);
    expect((await stack.call('GET', '/history?license_key=NOPE')).status).toBe(404);
    expect((await stack.call('GET', '/history?license_id=not-a-uuid')).body.fields).toEqual({
      license_id: 'must be a UUID',
    });
  });

  it('pages with limit and starting_after', async () => {
    const all = (await stack.call('GET', '/failures?status=any&limit=100')).body.data.map(
      (f: { id: number }) => f.id,
    );
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await stack.call('GET', '/failures?status=any&limit=2');
    expect(first.body.has_more).toBe(true);
    const next = await stack.call(
      'GET',
      `/failures?status=any&limit=100&starting_after=${first.body.data[1].id}`,
    );
    expect([...first.body.data, ...next.body.data].map((f: { id: number }) => f.id)).toEqual(all);
  });
});
