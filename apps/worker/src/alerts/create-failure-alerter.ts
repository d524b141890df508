import type { Logger } from '@licensync/core/logging';
import type { Metrics } from '@licensync/core/metrics';

export interface FinalFailure {
  failureId: number;
  queue: string;
  /** The Stripe event type, or the job name when there is no event. */
  what: string;
  eventId?: string | null;
  attempts: number;
  error: string;
}

export type FailureAlerter = ReturnType<typeof createFailureAlerter>;

/**
 * Tells a Slack-compatible incoming webhook (`ALERT_WEBHOOK_URL`; Slack, Mattermost, Rocket.Chat
 * and Discord's /slack endpoint all take `{ text }`) that a job failed for good, with a link to the
 * failure. Best effort: an alert that cannot be sent is logged and counted, never fails the job.
 */
export function createFailureAlerter(opts: {
  url: string | undefined;
  publicUrl: string;
  logger: Logger;
  metrics: Metrics;
}) {
  const base = opts.publicUrl.replace(/\/+$/, '');
  return {
    async failed(f: FinalFailure): Promise<void> {
      if (!opts.url) return;
      const link = `${base}/api/v1/failures/${f.failureId}`;
      const event = f.eventId ? ` ${f.eventId}` : '';
      const text =
        `:rotating_light: licensync: ${f.what}${event} failed for good after ${f.attempts} attempt(s) on ${f.queue}: ${f.error}\n` +
        `<${link}|failure ${f.failureId}> · replay once fixed: \`licensync failures replay --id ${f.failureId} --wait\``;
      try {
        const res = await fetch(opts.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
          signal: AbortSignal.timeout(5000),
        });
        if (!res.ok) throw new Error(`answered ${res.status}`);
        opts.metrics.alertsSent.inc({ outcome: 'sent' });
      } catch (err) {
        opts.metrics.alertsSent.inc({ outcome: 'error' });
        opts.logger.warn({ failureId: f.failureId, err: (err as Error).message }, 'failure alert not sent');
      }
    },
  };
}
