import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { Metrics } from '@licensync/core/metrics';
import { findWorkspaceSlug } from '@licensync/core/workspaces';
import { consoleRecordUrl } from '@licensync/mappers';

export interface FinalFailure {
  failureId: number;
  /** The failure's workspace: the link opens the console there, not in the one last viewed. */
  workspaceId: string;
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
 * failure's console page (a browser opens it after sign-in; the admin API would answer 401). Best effort: an alert that cannot be sent is logged and counted, never fails the job.
 */
export function createFailureAlerter(opts: {
  url: string | undefined;
  publicUrl: string;
  db: Db;
  logger: Logger;
  metrics: Metrics;
}) {
  return {
    async failed(f: FinalFailure): Promise<void> {
      if (!opts.url) return;
      const event = f.eventId ? ` ${f.eventId}` : '';
      try {
        const workspaceSlug = (await findWorkspaceSlug(opts.db, f.workspaceId)) ?? 'default';
        const link = consoleRecordUrl(
          { publicUrl: opts.publicUrl, workspaceSlug },
          'failures',
          String(f.failureId),
        );
        const text =
          `:rotating_light: licensync: ${f.what}${event} failed for good after ${f.attempts} attempt(s) on ${f.queue}: ${f.error}\n` +
          `<${link}|failure ${f.failureId}> · replay once fixed: \`licensync failures replay --id ${f.failureId} --wait\``;
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
