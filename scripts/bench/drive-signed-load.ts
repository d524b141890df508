import autocannon from 'autocannon';
import { signStripeEvent } from './bench-deps';

export interface LoadOptions {
  url: string;
  secret: string;
  /** The event's JSON with `__EVENT_ID__` where its id goes: each request gets a fresh id. */
  template: string;
  /** Prefix of the generated ids, unique per run and target so no two requests collide. */
  idPrefix: string;
  connections: number;
  durationS: number;
  /** Requests per second offered by all connections together; unset = as fast as answered. */
  overallRate?: number;
}

export interface LoadResult {
  /** 2xx answers per second over the whole run. */
  okPerSecond: number;
  /** Answers of any kind per second. */
  answeredPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * Drives one target with autocannon: every request is a freshly signed, unique Stripe event, so the
 * receiver verifies, stores and enqueues each one (no duplicate shortcut). Signing happens in the
 * load generator, the same cost for every target.
 */
export async function driveSignedLoad(opts: LoadOptions): Promise<LoadResult> {
  const [before, after] = opts.template.split('__EVENT_ID__');
  if (after === undefined) throw new Error('template needs __EVENT_ID__');
  let n = 0;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationS,
    ...(opts.overallRate && { overallRate: opts.overallRate }),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { payload, header } = signStripeEvent(
            `${before}${opts.idPrefix}_${n++}${after}`,
            opts.secret,
          );
          return {
            ...req,
            body: payload,
            headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
          };
        },
      },
    ],
  });
  const seconds = result.duration || opts.durationS;
  return {
    okPerSecond: result['2xx'] / seconds,
    answeredPerSecond: (result['2xx'] + result.non2xx) / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
