/** One line of an entity's timeline, whichever table it came from. */
export interface HistoryEntry {
  at: Date;
  /** e.g. `stripe.event.received`, `job.processed`, `job.failed`, `failure.replayed`, `hubspot.upsert`. */
  kind: string;
  outcome: 'ok' | 'error' | 'skipped';
  message: string | null;
  /** The error, when the outcome is `error`. */
  error: string | null;
  subjects: string[];
  /** `activity`: the activity log; `inbox` / `failure`: rows older than their activity entries. */
  source: 'activity' | 'inbox' | 'failure';
  detail: Record<string, unknown>;
  /** Who acted (`admin-token`, `key:<name>`) on an operator's request; null for Stripe, jobs and older rows. */
  actor: string | null;
}
