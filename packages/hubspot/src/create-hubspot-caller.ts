import type { Logger } from '@licensync/core/logging';
import type { HubspotMetrics } from './hubspot-metrics';
import { HubspotTransientError, toHubspotError } from './hubspot-request-error';
import type { HubspotCallKind, PortalRateLimiter } from './rate-limit/portal-rate-limiter';

/** What the SDK's `...WithHttpInfo` methods resolve to. */
export interface HttpInfoLike<T> {
  httpStatusCode: number;
  headers: Record<string, string>;
  data: T;
}

export interface HubspotCallerOptions {
  limiter: PortalRateLimiter;
  portalId: string;
  metrics: HubspotMetrics;
  logger: Logger;
  /** 429s waited out in-process before giving the job back to BullMQ (default 100). */
  max429s?: number;
}

const header = (headers: Record<string, string> | undefined, name: string) =>
  headers?.[name] ?? headers?.[name.toLowerCase()];

/** Midnight UTC; HubSpot resets the daily budget at midnight in the portal's time zone, so ≤ a day off. */
const msToNextUtcMidnight = (now = Date.now()) => 86_400_000 - (now % 86_400_000);

/**
 * Every HubSpot call of one portal goes through here: wait for the portal's limiter, send, count.
 * A 429 pauses the whole portal for the time HubSpot gives and is retried here, so it never uses
 * up a job attempt; a pause longer than the limiter waits surfaces as `PortalPausedError`. Other
 * errors are sorted by `toHubspotError`.
 */
export function createHubspotCaller(opts: HubspotCallerOptions) {
  const { limiter, portalId, metrics } = opts;
  // The status page needs the budget roughly, not per call: one Redis write a second at most.
  let dailyNotedAt = 0;
  return async function call<T>(
    endpoint: string,
    send: () => Promise<HttpInfoLike<T>>,
    kind: HubspotCallKind = 'default',
  ): Promise<HttpInfoLike<T>> {
    for (let limited = 0; ; limited++) {
      await limiter.acquire(portalId, kind);
      let res: HttpInfoLike<T>;
      try {
        res = await send();
      } catch (err) {
        const e = err as { code?: unknown; headers?: Record<string, string>; body?: { policyName?: string } };
        metrics.call(endpoint, typeof e.code === 'number' ? String(e.code) : 'network');
        if (e.code !== 429) throw toHubspotError(err, endpoint);
        if (e.body?.policyName === 'DAILY') {
          metrics.paused('daily');
          // The next acquire throws PortalPausedError: the job gives its work back until midnight.
          await limiter.pause(portalId, msToNextUtcMidnight());
          continue;
        }
        const retryAfter = Number(header(e.headers, 'Retry-After'));
        const interval = Number(header(e.headers, 'X-HubSpot-RateLimit-Interval-Milliseconds'));
        const waitMs =
          retryAfter > 0 ? retryAfter * 1000 : interval > 0 ? interval : kind === 'search' ? 1000 : 10_000;
        metrics.paused(kind === 'search' ? 'search' : 'burst');
        opts.logger.warn({ portalId, endpoint, waitMs, limited }, 'HubSpot 429: pausing the portal');
        await limiter.pause(portalId, waitMs, kind);
        if (limited + 1 >= (opts.max429s ?? 100)) {
          throw new HubspotTransientError(`${endpoint}: still rate limited after ${limited + 1} waits`, 429);
        }
        continue;
      }
      metrics.call(endpoint, String(res.httpStatusCode));
      const dailyHeader = header(res.headers, 'X-HubSpot-RateLimit-Daily-Remaining');
      const daily = Number(dailyHeader);
      if (dailyHeader !== undefined && Number.isFinite(daily)) metrics.dailyRemaining(portalId, daily);
      // The daily budget is shared by every app of the portal: stop before HubSpot starts refusing.
      if (dailyHeader !== undefined) {
        if (daily <= 0) {
          metrics.paused('budget');
          await limiter.pause(portalId, msToNextUtcMidnight());
        }
        if (Date.now() - dailyNotedAt > 1000) {
          dailyNotedAt = Date.now();
          await limiter.noteDailyRemaining(portalId, daily, msToNextUtcMidnight()).catch(() => {});
        }
      }
      return res;
    }
  };
}

export type HubspotCaller = ReturnType<typeof createHubspotCaller>;
