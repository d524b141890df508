import type { AppDeps } from '../app-deps';

/**
 * Failed admin sign-ins per address, counted in Redis so every api process shares the count: at
 * most ADMIN_SIGNIN_MAX_FAILURES per ADMIN_SIGNIN_WINDOW_S (the window starts at the first
 * failure). With Redis down nobody is throttled rather than everybody locked out.
 */
export function createSigninThrottle(deps: Pick<AppDeps, 'config' | 'redis'>) {
  const { config, redis } = deps;
  const keyOf = (address: string) => `${config.QUEUE_PREFIX}:signin-failures:${address}`;
  return {
    async isBlocked(address: string): Promise<boolean> {
      const count = await redis.get(keyOf(address)).catch(() => null);
      return Number(count ?? 0) >= config.ADMIN_SIGNIN_MAX_FAILURES;
    },
    async recordFailure(address: string): Promise<number> {
      try {
        const [[, count]] = (await redis
          .multi()
          .incr(keyOf(address))
          .expire(keyOf(address), config.ADMIN_SIGNIN_WINDOW_S, 'NX')
          .exec()) as [[unknown, number]];
        return count;
      } catch {
        return 0;
      }
    },
  };
}
