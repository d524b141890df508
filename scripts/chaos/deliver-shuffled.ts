import { signStripeEvent } from '@licensync/fakes/stripe';
import type Stripe from 'stripe';

export interface DeliveryReport {
  /** Requests answered 2xx: every copy of every event, once each. */
  delivered: number;
  /** Requests that failed (5xx, refused connection, timeout) and were sent again, as Stripe retries. */
  retried: number;
  /** Copies given up on after `giveUpMs`: each is an event Stripe would have retried for days. */
  abandoned: number;
}

/**
 * Each event two or three times, in an order shuffled within a sliding window of `window`
 * positions (so a copy can overtake events up to a window ahead), posted signed with `concurrency`
 * requests in flight. A copy that fails is retried with backoff until `giveUpMs` from the start.
 */
export async function deliverShuffled(opts: {
  url: string;
  secret: string;
  events: Stripe.Event[];
  window: number;
  concurrency: number;
  giveUpMs: number;
  random: () => number;
  /** Called after each 2xx, for progress. */
  onDelivered?: () => void;
}): Promise<DeliveryReport> {
  const { events, window, random } = opts;
  const copies: { at: number; event: Stripe.Event }[] = [];
  events.forEach((event, i) => {
    const times = random() < 0.5 ? 2 : 3;
    for (let k = 0; k < times; k++) copies.push({ at: i + random() * window, event });
  });
  copies.sort((a, b) => a.at - b.at);
  const payloads = new Map(events.map((e) => [e.id, JSON.stringify(e)]));

  const report: DeliveryReport = { delivered: 0, retried: 0, abandoned: 0 };
  const deadline = Date.now() + opts.giveUpMs;
  let next = 0;
  const sendOne = async (event: Stripe.Event) => {
    for (let attempt = 0; ; attempt++) {
      // Signed at each attempt, as Stripe does: a retry carries a fresh timestamp.
      const { payload, header } = signStripeEvent(payloads.get(event.id)!, opts.secret);
      const ok = await fetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (res) => {
          await res.arrayBuffer();
          return res.status < 300;
        },
        () => false,
      );
      if (ok) {
        report.delivered++;
        opts.onDelivered?.();
        return;
      }
      if (Date.now() > deadline) return void report.abandoned++;
      report.retried++;
      await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt) * (0.5 + random())));
    }
  };
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < copies.length) await sendOne(copies[next++]!.event);
    }),
  );
  return report;
}
