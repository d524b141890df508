import type { ApiClient } from './api-client';
import type { FailureDetailsJson } from './commands/failures-show.command';

export interface ReplayOutcome {
  id: number;
  /** succeeded: the event ran; failed: it failed again; anything else: still under way or set aside. */
  outcome: 'succeeded' | 'failed' | 'under way' | 'other';
  line: string;
}

/**
 * Follows replayed failures until each has an outcome: `resolved` (the event ran) or `failed`
 * again (same failure, more attempts), or another final state (discarded). Gives up at `timeoutMs`
 * and reports those still under way as such.
 */
export async function waitForReplays(
  client: ApiClient,
  ids: number[],
  opts: { intervalMs: number; timeoutMs: number },
): Promise<ReplayOutcome[]> {
  const deadline = Date.now() + opts.timeoutMs;
  const pending = new Set(ids);
  const outcomes = new Map<number, ReplayOutcome>();
  for (;;) {
    for (const id of pending) {
      const f = await client.call<FailureDetailsJson>('GET', `/api/v1/failures/${id}`);
      const outcome = outcomeOf(f);
      if (outcome.outcome === 'under way') continue;
      pending.delete(id);
      outcomes.set(id, outcome);
    }
    if (pending.size === 0 || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs));
  }
  for (const id of pending) {
    outcomes.set(id, {
      id,
      outcome: 'under way',
      line: `failure ${id} is still being replayed; see licensync failures show ${id}`,
    });
  }
  return ids.map((id) => outcomes.get(id)!);
}

/** A replayed failure stays `replayed` when its event succeeds; the event's status tells. */
function outcomeOf(f: FailureDetailsJson): ReplayOutcome {
  const done = f.event?.status === 'processed' || f.event?.status === 'ignored';
  if (f.status === 'resolved' || done) {
    return {
      id: f.id,
      outcome: 'succeeded',
      line: `failure ${f.id} resolved: ${f.event_type ?? 'the job'} was processed`,
    };
  }
  if (f.status === 'failed') {
    return {
      id: f.id,
      outcome: 'failed',
      line: `failure ${f.id} failed again (attempt ${f.attempts}): ${f.last_error}`,
    };
  }
  // A HubSpot sync failure has no event to follow: its intents are back in the outbox.
  if (f.status === 'replayed' && f.event === null) {
    return {
      id: f.id,
      outcome: 'succeeded',
      line: `failure ${f.id} requeued: its records are back in the sync outbox`,
    };
  }
  if (f.status === 'replayed') return { id: f.id, outcome: 'under way', line: '' };
  return { id: f.id, outcome: 'other', line: `failure ${f.id} is ${f.status}` };
}
