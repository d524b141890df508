import type { DbOrTx } from '../db/client';
import { activityLog } from '../db/schema/index';
import { currentActor, currentClient } from './actor-context';

export interface ActivityInput {
  workspaceId: string | null;
  /** What happened, e.g. `stripe.refund.partial`, `job.failed`, `hubspot.upsert`, `failure.replayed`. */
  kind: string;
  /** Every id the entry is about, prefixed: `stripe:ch_1`, `license:<uuid>`, `email:a@b.c`, `hubspot:123`. */
  subjects: string[];
  outcome: 'ok' | 'error' | 'skipped';
  message?: string;
  detail?: Record<string, unknown>;
}

/** Appends to the searchable per-entity history. */
export async function recordActivity(db: DbOrTx, input: ActivityInput): Promise<void> {
  // The key is the actor (who may act); the client is only how it reached us, so it is detail.
  const client = currentClient();
  const detail = client === undefined ? input.detail : { ...input.detail, client };
  await db.insert(activityLog).values({
    workspaceId: input.workspaceId,
    kind: input.kind,
    subjects: [...new Set(input.subjects.filter(Boolean))],
    outcome: input.outcome,
    message: input.message ?? null,
    detail: detail ?? null,
    actor: currentActor(),
  });
}
