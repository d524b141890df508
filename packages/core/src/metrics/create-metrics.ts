import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per process (prom-client's global one would leak between tests). */
export function createMetrics(opts: { defaults?: boolean } = {}) {
  const registry = new Registry();
  if (opts.defaults) collectDefaultMetrics({ register: registry });
  return {
    registry,
    webhooksReceived: new Counter({
      name: 'licensync_webhooks_received_total',
      help: 'Webhook deliveries by provider and outcome',
      labelNames: ['provider', 'outcome'] as const,
      registers: [registry],
    }),
    jobsFinished: new Counter({
      name: 'licensync_jobs_finished_total',
      help: 'Jobs finished by queue and outcome (processed, ignored, retry, failed)',
      labelNames: ['queue', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'licensync_job_duration_seconds',
      help: 'Job processing time',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    inboxRelayed: new Counter({
      name: 'licensync_inbox_relayed_total',
      help: 'Pending inbox events handed to the queue again by the relay',
      registers: [registry],
    }),
    hubspotCalls: new Counter({
      name: 'licensync_hubspot_calls_total',
      help: 'HubSpot API calls by endpoint and status',
      labelNames: ['endpoint', 'status'] as const,
      registers: [registry],
    }),
    hubspotRecordsSynced: new Counter({
      name: 'licensync_hubspot_records_synced_total',
      help: 'Records written to HubSpot by object kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    hubspotRateLimited: new Counter({
      name: 'licensync_hubspot_429_total',
      help: 'HubSpot 429 answers',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
