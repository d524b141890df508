import { randomUUID } from 'node:crypto';
import { getOrCreate } from '../store/get-or-create';

/** Per-portal limits; defaults are a Professional/Enterprise private app's. */
export interface RateLimitSettings {
  /** Requests per rolling window per portal (default 190); `null` switches the burst limit and its headers off. */
  maxRequestsPer10s: number | null;
  /** Rolling window length in ms (default 10,000); shrink it in tests instead of waiting 10 s. */
  intervalMs: number;
  /** Requests per portal before the DAILY policy answers 429 (default 1,000,000). */
  daily: number;
  /** Search requests per search window per portal (default 5). */
  searchPerSecond: number;
  /** Search window length in ms (default 1,000). */
  searchIntervalMs: number;
  /** Send `Retry-After` (seconds) with 429s (default false: HubSpot rarely does). */
  retryAfter: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  maxRequestsPer10s: 190,
  intervalMs: 10_000,
  daily: 1_000_000,
  searchPerSecond: 5,
  searchIntervalMs: 1_000,
  retryAfter: false,
};

export interface RateDecision {
  limited: boolean;
  headers: Record<string, string>;
  body?: Record<string, string>;
}

interface PortalUsage {
  window: number[];
  search: number[];
  daily: number;
}

const tooMany = (message: string, policyName: string) => ({
  status: 'error',
  message,
  errorType: 'RATE_LIMIT',
  correlationId: randomUUID(),
  policyName,
});

export function createRateLimiter(initial: Partial<RateLimitSettings> = {}) {
  let settings: RateLimitSettings = { ...DEFAULT_RATE_LIMITS, ...initial };
  const usage = new Map<number, PortalUsage>();
  const usageOf = (portalId: number) =>
    getOrCreate(usage, portalId, (): PortalUsage => ({ window: [], search: [], daily: 0 }));

  const headers = (u: PortalUsage): Record<string, string> =>
    settings.maxRequestsPer10s === null
      ? {}
      : {
          'X-HubSpot-RateLimit-Max': String(settings.maxRequestsPer10s),
          'X-HubSpot-RateLimit-Remaining': String(Math.max(0, settings.maxRequestsPer10s - u.window.length)),
          'X-HubSpot-RateLimit-Interval-Milliseconds': String(settings.intervalMs),
          'X-HubSpot-RateLimit-Daily': String(settings.daily),
          'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, settings.daily - u.daily)),
        };

  const retryAfter = (oldest: number | undefined, interval: number, now: number): Record<string, string> =>
    settings.retryAfter
      ? { 'Retry-After': String(Math.max(1, Math.ceil(((oldest ?? now) + interval - now) / 1000))) }
      : {};

  return {
    configure(next: Partial<RateLimitSettings>) {
      settings = { ...settings, ...next };
    },
    reset(next: Partial<RateLimitSettings> = {}) {
      settings = { ...DEFAULT_RATE_LIMITS, ...initial, ...next };
      usage.clear();
    },
    /** Counts the request if it is allowed; a refused request does not use up the window. */
    admit(portalId: number, search: boolean, now: number): RateDecision {
      const u = usageOf(portalId);
      u.window = u.window.filter((t) => t > now - settings.intervalMs);
      u.search = u.search.filter((t) => t > now - settings.searchIntervalMs);
      if (u.daily >= settings.daily) {
        return {
          limited: true,
          headers: search ? {} : headers(u),
          body: tooMany('You have reached your daily limit.', 'DAILY'),
        };
      }
      if (search) {
        // Search has its own per-second policy and sends no rate-limit headers.
        if (u.search.length >= settings.searchPerSecond) {
          return {
            limited: true,
            headers: retryAfter(u.search[0], settings.searchIntervalMs, now),
            body: tooMany('You have reached your secondly limit.', 'SECONDLY'),
          };
        }
        u.search.push(now);
        u.daily++;
        return { limited: false, headers: {} };
      }
      if (settings.maxRequestsPer10s !== null && u.window.length >= settings.maxRequestsPer10s) {
        return {
          limited: true,
          headers: { ...headers(u), ...retryAfter(u.window[0], settings.intervalMs, now) },
          body: tooMany('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING'),
        };
      }
      u.window.push(now);
      u.daily++;
      return { limited: false, headers: headers(u) };
    },
    /** A forced 429 looks like an exhausted window. */
    forced(portalId: number, search: boolean): RateDecision {
      const u = usageOf(portalId);
      const h = search
        ? {}
        : {
            ...headers(u),
            'X-HubSpot-RateLimit-Remaining': '0',
            ...retryAfter(undefined, settings.intervalMs, 0),
          };
      return {
        limited: true,
        headers: h,
        body: tooMany('You have reached your ten_secondly_rolling limit.', 'TEN_SECONDLY_ROLLING'),
      };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
