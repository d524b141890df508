import { signStripeEvent } from './bench-deps';

/**
 * Delivers events as Stripe does (signed at send time), `concurrency` at a time; resolves with
 * how many were not answered 2xx.
 */
export async function postSignedEvents(
  url: string,
  events: object[],
  secret: string,
  concurrency: number,
): Promise<number> {
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < events.length) {
      const { payload, header } = signStripeEvent(events[next++]!, secret);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
        body: payload,
      });
      await res.arrayBuffer();
      if (!res.ok) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return failed;
}
