/**
 * The portal's calls are held back longer than a job should wait (a long 429 pause or the daily
 * budget): the caller gives its work back until `untilMs` instead of holding a worker slot.
 */
export class PortalPausedError extends Error {
  override name = 'PortalPausedError';
  constructor(
    readonly portalId: string,
    /** Epoch ms when the portal may be called again. */
    readonly untilMs: number,
  ) {
    super(`HubSpot portal ${portalId} is paused until ${new Date(untilMs).toISOString()}`);
  }
}
