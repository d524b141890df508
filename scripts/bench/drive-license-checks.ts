import autocannon from 'autocannon';
import type { LoadResult } from './drive-signed-load';

/**
 * Drives `POST /license/v1/check` with autocannon, cycling through `keys` (each an activated
 * license), so every request reads another license as a fleet of installed apps would.
 */
export async function driveLicenseChecks(opts: {
  url: string;
  product: string;
  keys: string[];
  hardwareId: string;
  connections: number;
  durationS: number;
  /** Requests per second offered by all connections together; unset = as fast as answered. */
  overallRate?: number;
}): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: `${opts.url}/license/v1/check`,
    connections: opts.connections,
    duration: opts.durationS,
    ...(opts.overallRate && { overallRate: opts.overallRate }),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            product: opts.product,
            license_key: opts.keys[n++ % opts.keys.length],
            hardware_id: opts.hardwareId,
            app_version: '1.0.0',
          }),
        }),
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
