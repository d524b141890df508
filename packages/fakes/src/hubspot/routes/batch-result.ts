import { type BatchErrorItem, toBatchError } from '../errors/batch-error';
import { HubspotError } from '../errors/hubspot-error';
import type { RouteResult } from '../http/route';

/** Spec `BatchResponse*`: `okStatus` when every input landed, 207 with `errors[]` otherwise. */
export function batchResult(
  startedAt: Date,
  results: unknown[],
  errors: BatchErrorItem[],
  okStatus: number,
): RouteResult {
  const body = {
    status: 'COMPLETE',
    results,
    startedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
  };
  if (errors.length === 0) return { status: okStatus, body };
  return { status: 207, body: { ...body, errors, numErrors: errors.length } };
}

/**
 * Runs one input; a HubSpot error about that input becomes a 207 entry. Body-shape errors (no
 * category, Jackson-style) are not per input: they fail the request.
 */
export function perInput<T>(
  errors: BatchErrorItem[],
  context: Record<string, string[]>,
  run: () => T,
): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof HubspotError) || error.body.category === undefined) throw error;
    errors.push(toBatchError(error, context));
    return undefined;
  }
}
