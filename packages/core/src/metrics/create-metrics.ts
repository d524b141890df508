import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a fast webhook insert (~5 ms) to a slow Stripe-bound job (~30 s). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * One registry per process (prom-client's global one would leak between tests). Names follow
 * Prometheus' conventions: a unit suffix, `_total` on counters, and what happened as a label
 * (`reason`, `status`), never in the name. Dashboards and alerts in `deploy/` use these names.
 */
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
    webhookIngressDuration: new Histogram({
      name: 'licensync_webhook_ingress_duration_seconds',
      help: 'Time from a webhook request arriving to its answer (verify, inbox insert, enqueue)',
      labelNames: ['provider', 'status'] as const,
      buckets: DURATION_BUCKETS,
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
      help: 'Job processing time by queue, job name and outcome (completed, failed)',
      labelNames: ['queue', 'job', 'outcome'] as const,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    inboxRelayed: new Counter({
      name: 'licensync_inbox_relayed_total',
      help: 'Pending inbox events handed to the queue again by the relay',
      registers: [registry],
    }),
    hubspotCalls: new Counter({
      name: 'licensync_hubspot_calls_total',
      help: 'HubSpot API calls by endpoint and status (HTTP status or "network")',
      labelNames: ['endpoint', 'status'] as const,
      registers: [registry],
    }),
    hubspotRecordsSynced: new Counter({
      name: 'licensync_hubspot_records_synced_total',
      help: 'Records written to HubSpot by object kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    hubspotRateLimitPauses: new Counter({
      name: 'licensync_hubspot_rate_limit_pauses_total',
      help: 'Times a portal was paused: a 429 (burst, search, daily) or the daily budget spent (budget)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    hubspotDailyRemaining: new Gauge({
      name: 'licensync_hubspot_daily_requests_remaining',
      help: "HubSpot's daily request budget left per portal, from its last answer's header",
      labelNames: ['portal'] as const,
      registers: [registry],
    }),
    alertsSent: new Counter({
      name: 'licensync_alerts_sent_total',
      help: 'Failure alerts posted to ALERT_WEBHOOK_URL by outcome (sent, error)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
