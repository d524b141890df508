import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { type AttemptError, jobFailures } from '../db/schema/index';
import { emitOutboundEvent } from '../webhooks/emit-outbound-event';

export interface JobFailureInput {
  workspaceId?: string | null;
  queue: string;
  jobName: string;
  jobId: string;
  inboxEventId?: number | null;
  eventId?: string | null;
  eventType?: string | null;
  attempts: number;
  errors: AttemptError[];
  payload: unknown;
}

/**
 * Writes a final failure to the persistent log; the operators' list and replay read from here.
 * An inbox event that fails again after a replay (or a redelivery) keeps its one failure: the new
 * round's attempts are added to it and it is open again, so operators see one failure with its
 * whole story rather than a new one per replay.
 */
export async function recordJobFailure(db: DbOrTx, input: JobFailureInput): Promise<number> {
  const first = input.errors[0]?.message ?? 'unknown error';
  const last = input.errors.at(-1)?.message ?? first;
  if (input.inboxEventId != null) {
    const [earlier] = await db
      .select()
      .from(jobFailures)
      .where(
        and(
          eq(jobFailures.inboxEventId, input.inboxEventId),
          inArray(jobFailures.status, ['failed', 'replayed']),
        ),
      )
      .orderBy(desc(jobFailures.id))
      .limit(1)
      .for('update');
    if (earlier) {
      const errors = input.errors.map((e) => ({ ...e, attempt: earlier.attempts + e.attempt }));
      await db
        .update(jobFailures)
        .set({
          status: 'failed',
          jobId: input.jobId,
          attempts: earlier.attempts + input.attempts,
          lastError: last,
          errors: [...earlier.errors, ...errors],
          payload: input.payload,
          updatedAt: new Date(),
        })
        .where(eq(jobFailures.id, earlier.id));
      return earlier.id;
    }
  }
  const [row] = await db
    .insert(jobFailures)
    .values({ ...input, firstError: first, lastError: last })
    .returning({ id: jobFailures.id });
  // A failure without a workspace (an unreadable event) has no vendor to tell.
  if (input.workspaceId) {
    await emitOutboundEvent(db, input.workspaceId, 'failure.created', {
      id: row!.id,
      queue: input.queue,
      job_name: input.jobName,
      event_id: input.eventId ?? null,
      event_type: input.eventType ?? null,
      attempts: input.attempts,
      last_error: last,
    });
  }
  return row!.id;
}
