import type { FailureDetails, FailureRow } from '@licensync/core/failures';

/** A failure as the list shows it. */
export function toFailureJson(f: FailureRow) {
  return {
    id: f.id,
    queue: f.queue,
    job_name: f.jobName,
    job_id: f.jobId,
    event_id: f.eventId,
    event_type: f.eventType,
    workspace_id: f.workspaceId,
    attempts: f.attempts,
    first_error: f.firstError,
    last_error: f.lastError,
    status: f.status,
    created_at: f.createdAt.toISOString(),
    updated_at: f.updatedAt.toISOString(),
  };
}

/**
 * A failure with every attempt's error, the job's payload, the stored event for inbox jobs (what
 * a replay will run again) and what operators did about it.
 */
export function toFailureDetailsJson({ failure, inboxEvent, actions }: FailureDetails) {
  return {
    ...toFailureJson(failure),
    errors: failure.errors.map((e) => ({ attempt: e.attempt, at: e.at || null, message: e.message })),
    job_payload: failure.payload,
    event: inboxEvent && {
      id: inboxEvent.externalId,
      provider: inboxEvent.provider,
      type: inboxEvent.type,
      status: inboxEvent.status,
      round: inboxEvent.round,
      last_error: inboxEvent.lastError,
      // Each handler's last outcome: a replay runs only the failed ones.
      handler_outcomes: inboxEvent.handlerOutcomes,
      received_at: inboxEvent.receivedAt.toISOString(),
      payload: inboxEvent.payload,
    },
    actions: actions.map((a) => ({
      at: a.at.toISOString(),
      kind: a.kind,
      outcome: a.outcome,
      message: a.message,
      actor: a.detail?.actor ?? null,
      reason: a.detail?.reason ?? null,
    })),
  };
}
