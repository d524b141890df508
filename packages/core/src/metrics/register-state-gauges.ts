import { Gauge, type Registry } from 'prom-client';

/** What the state gauges show, read from Postgres and Redis when Prometheus scrapes. */
export interface OperationalState {
  /** Jobs per queue and BullMQ state (waiting, active, delayed, prioritized, failed). */
  queueJobs: { queue: string; state: string; count: number }[];
  /** Per queue, the age in seconds of the oldest job still waiting (0 when none waits). */
  oldestWaitingSeconds: { queue: string; seconds: number }[];
  /** Workers connected per queue (BullMQ's registry). */
  queueWorkers: { queue: string; count: number }[];
  /** HubSpot sync intents waiting, and the age in seconds of the oldest (the outbox lag). */
  outboxPending: number;
  outboxLagSeconds: number;
  /** Final failures waiting for an operator. */
  failuresOpen: number;
  /** Per resync kind, 1 when its latest finished run failed. */
  resyncLastFailed: { kind: string; failed: boolean }[];
}

/**
 * Gauges computed at scrape time (prom-client calls `collect` per scrape), so they are true
 * whenever they are read, and one slow read costs only that scrape. Only the worker registers
 * them: one process per install reads the state, not every api replica.
 */
export function registerStateGauges(registry: Registry, read: () => Promise<OperationalState>): void {
  // One read per scrape, shared by every gauge of that scrape.
  let current: Promise<OperationalState> | null = null;
  const state = () => {
    current ??= read().finally(() => setTimeout(() => (current = null), 100).unref());
    return current;
  };
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (g: Gauge<L>, s: OperationalState) => void,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        fill(this, await state());
      },
    });

  gauge('licensync_queue_jobs', 'Jobs in each BullMQ queue by state', ['queue', 'state'], (g, s) => {
    for (const q of s.queueJobs) g.set({ queue: q.queue, state: q.state }, q.count);
  });
  gauge(
    'licensync_queue_oldest_waiting_age_seconds',
    'Age of the oldest job waiting in each queue',
    ['queue'],
    (g, s) => {
      for (const q of s.oldestWaitingSeconds) g.set({ queue: q.queue }, q.seconds);
    },
  );
  gauge('licensync_queue_workers', 'Workers connected to each queue', ['queue'], (g, s) => {
    for (const q of s.queueWorkers) g.set({ queue: q.queue }, q.count);
  });
  gauge('licensync_outbox_pending_intents', 'HubSpot sync intents waiting to be sent', [], (g, s) =>
    g.set(s.outboxPending),
  );
  gauge('licensync_outbox_lag_seconds', 'Age of the oldest HubSpot sync intent waiting', [], (g, s) =>
    g.set(s.outboxLagSeconds),
  );
  gauge('licensync_failures_open', 'Final job failures waiting for an operator', [], (g, s) =>
    g.set(s.failuresOpen),
  );
  gauge(
    'licensync_resync_last_run_failed',
    'Per resync kind, 1 when the latest finished run failed',
    ['kind'],
    (g, s) => {
      for (const r of s.resyncLastFailed) g.set({ kind: r.kind }, r.failed ? 1 : 0);
    },
  );
}
