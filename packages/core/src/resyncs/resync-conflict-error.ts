/** A run of the same kind and scope is already queued or running; the admin API answers 409. */
export class ResyncConflictError extends Error {
  override name = 'ResyncConflictError';

  constructor(readonly activeRunId: string) {
    super(`a resync of this kind and scope is already queued or running: ${activeRunId}`);
  }
}
