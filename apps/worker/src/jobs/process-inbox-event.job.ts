import { classifyError } from '@licensync/core/errors';
import { recordJobFailure, resolveJobFailures } from '@licensync/core/failures';
import { recordEventActivity } from '@licensync/core/history';
import { markInboxEvent } from '@licensync/core/inbox';
import { isFinalFailure, processInboxEventJob } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { type Job, UnrecoverableError } from 'bullmq';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { handlersFor } from '../stripe-events/index';
import type { JobHandler } from './job-handler';
import { runEventHandlers } from './run-event-handlers';

/**
 * Runs the handlers registered for a stored event, each on its own (see `runEventHandlers`), and
 * moves the inbox row to its final state: failed when any handler failed for good.
 * A permanent error (or the last attempt of a transient one) is written to the failure log before
 * BullMQ is told, so the failure is kept even if Redis loses the job.
 */
export const createProcessInboxEvent: JobHandler = (deps) =>
  async function processInboxEvent(job: Job): Promise<string> {
    const payload = processInboxEventJob.schema.parse(job.data);
    const [row] = await deps.db
      .select()
      .from(schema.inboxEvents)
      .where(eq(schema.inboxEvents.id, payload.inboxEventId));
    if (!row) throw new UnrecoverableError(`inbox event ${payload.inboxEventId} does not exist`);
    if (row.status === 'processed' || row.status === 'ignored') return row.status;

    const event = row.payload as unknown as Stripe.Event;
    const handlers = handlersFor(row.type);
    const log = deps.logger.child({ eventId: row.externalId, type: row.type, jobId: job.id });
    // The per-entity history is best-effort: a lost entry must not fail or retry the job.
    const note = (entry: Omit<Parameters<typeof recordEventActivity>[0], 'db' | 'row'>) =>
      recordEventActivity({ db: deps.db, row, ...entry }).catch((err: Error) =>
        log.warn({ err: err.message }, 'activity not recorded'),
      );
    const jobDetail = { queue: job.queueName, job_id: job.id, attempt: job.attemptsMade + 1 };
    await note({
      kind: `${row.provider}.event.received`,
      outcome: 'ok',
      message: row.type,
      at: row.receivedAt,
      once: true,
    });
    if (handlers.length === 0) {
      await markInboxEvent(deps.db, row.id, 'ignored');
      deps.metrics.jobsFinished.inc({ queue: job.queueName, outcome: 'ignored' });
      await note({ kind: 'job.processed', outcome: 'skipped', message: 'no handler', detail: jobDetail });
      return 'ignored';
    }
    try {
      const ctx = {
        db: deps.db,
        stripe: await deps.stripeFor(row.workspaceId),
        logger: log,
        workspaceId: row.workspaceId,
        inboxEventId: row.id,
      };
      const run = await runEventHandlers({ db: deps.db, row, event, handlers, ctx });
      if (run.failure !== undefined) throw run.failure;
      const { outcome } = run;
      await markInboxEvent(deps.db, row.id, outcome);
      await resolveJobFailures(deps.db, row.id);
      await note({
        kind: 'job.processed',
        outcome: outcome === 'processed' ? 'ok' : 'skipped',
        message: outcome,
        detail: { ...jobDetail, handlers: run.ran },
      });
      deps.metrics.jobsFinished.inc({ queue: job.queueName, outcome });
      log.info({ outcome }, 'event handled');
      return outcome;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = classifyError(err) === 'permanent';
      const attempt = job.attemptsMade + 1;
      const final = isFinalFailure(job, err);
      if (!final) {
        deps.metrics.jobsFinished.inc({ queue: job.queueName, outcome: 'retry' });
        log.warn({ err: message, attempt }, 'event failed, will retry');
        await note({ kind: 'job.failed', outcome: 'error', message, detail: { ...jobDetail, final: false } });
        throw err;
      }
      const errors = [
        ...(job.stacktrace ?? []).map((s, i) => ({ attempt: i + 1, at: '', message: firstLine(s) })),
      ];
      errors.push({ attempt, at: new Date().toISOString(), message });
      const failureId = await recordJobFailure(deps.db, {
        workspaceId: row.workspaceId,
        queue: job.queueName,
        jobName: job.name,
        jobId: job.id ?? '',
        inboxEventId: row.id,
        eventId: row.externalId,
        eventType: row.type,
        attempts: attempt,
        errors,
        payload: job.data,
      });
      await markInboxEvent(deps.db, row.id, 'failed', message);
      await note({
        kind: 'job.failed',
        outcome: 'error',
        message,
        detail: { ...jobDetail, final: true, permanent, failure_id: failureId },
        extraSubjects: [`failure:${failureId}`],
      });
      deps.metrics.jobsFinished.inc({ queue: job.queueName, outcome: 'failed' });
      // Not awaited: a slow chat server must not hold the job's slot.
      void deps.alerts.failed({
        failureId,
        workspaceId: row.workspaceId,
        queue: job.queueName,
        what: row.type,
        eventId: row.externalId,
        attempts: attempt,
        error: message,
      });
      log.error({ err: message, attempt, permanent }, 'event failed for good');
      throw permanent ? new UnrecoverableError(message) : err;
    }
  };

function firstLine(stack: string): string {
  return stack.split('\n')[0]?.replace(/^\w*Error: /, '') ?? stack;
}
