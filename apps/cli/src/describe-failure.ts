export interface FailureStory {
  id: number;
  status: string;
  queue: string;
  job_name?: string;
  event_id: string | null;
  event_type: string | null;
  attempts: number;
  last_error: string;
  event: { status: string } | null;
  actions: { kind: string; outcome: string; reason?: string | null }[];
}

/** One sentence naming what happened to a failure, what state it is in and what to do next. */
export function describeFailure(f: FailureStory): string {
  const what = f.event_type
    ? `${f.event_type} ${f.event_id ?? ''}`.trim()
    : `${f.job_name ?? 'a job'} on ${f.queue}`;
  const attempts = `${f.attempts} attempt${f.attempts === 1 ? '' : 's'}`;
  const replays = f.actions.filter((a) => a.kind === 'failure.replayed' && a.outcome === 'ok').length;
  const replayed = replays > 0 ? `, replayed ${replays}×` : '';
  const head = `${what} failed for good after ${attempts}${replayed}: ${f.last_error}`;
  switch (f.status) {
    case 'failed':
      return `${head}. It waits for an operator: fix the cause, then licensync failures replay --id ${f.id} --wait`;
    case 'replayed':
      if (f.event?.status === 'processed' || f.event?.status === 'ignored') {
        return `${head}. Replayed, and the event has since been processed`;
      }
      return `${head}. A replay is under way${f.event ? ` (the event is ${f.event.status})` : ''}`;
    case 'resolved':
      return `${head}. Resolved: the event has since been processed`;
    case 'discarded': {
      const reason = f.actions.findLast((a) => a.kind === 'failure.discarded')?.reason;
      return `${head}. Discarded${reason ? `: ${reason}` : ''}`;
    }
    default:
      return `${head}. Status ${f.status}`;
  }
}
