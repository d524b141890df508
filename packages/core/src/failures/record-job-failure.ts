import type { DbOrTx } from '../db/client';
import { type AttemptError, jobFailures } from '../db/schema/index';

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

/** Writes a final failure to the persistent log; the operators' list and replay read from here. */
export async function recordJobFailure(db: DbOrTx, input: JobFailureInput): Promise<number> {
  const first = input.errors[0]?.message ?? 'unknown error';
  const last = input.errors.at(-1)?.message ?? first;
  const [row] = await db
    .insert(jobFailures)
    .values({ ...input, firstError: first, lastError: last })
    .returning({ id: jobFailures.id });
  return row!.id;
}
