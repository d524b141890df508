import type { Metrics } from '@licensync/core/metrics';
import { Gauge } from 'prom-client';

/** What the sync adds to the process metrics: the efficiency figure the benchmark also prints. */
export function createHubspotMetrics(metrics: Metrics) {
  const existing = metrics.registry.getSingleMetric('licensync_hubspot_calls_per_record');
  const callsPerRecord =
    (existing as Gauge | undefined) ??
    new Gauge({
      name: 'licensync_hubspot_calls_per_record',
      help: 'HubSpot calls made per record synced, since the process started',
      registers: [metrics.registry],
    });
  let calls = 0;
  let records = 0;
  return {
    ...metrics,
    call(endpoint: string, status: string) {
      calls++;
      metrics.hubspotCalls.inc({ endpoint, status });
      if (records > 0) callsPerRecord.set(calls / records);
    },
    synced(kind: string, n: number) {
      if (n <= 0) return;
      records += n;
      metrics.hubspotRecordsSynced.inc({ kind }, n);
      callsPerRecord.set(calls / records);
    },
    /** A portal paused: after a 429 (`burst`, `search`, `daily`) or with its daily budget spent. */
    paused(reason: 'burst' | 'search' | 'daily' | 'budget') {
      metrics.hubspotRateLimitPauses.inc({ reason });
    },
    dailyRemaining(portalId: string, remaining: number) {
      metrics.hubspotDailyRemaining.set({ portal: portalId }, remaining);
    },
  };
}

export type HubspotMetrics = ReturnType<typeof createHubspotMetrics>;
