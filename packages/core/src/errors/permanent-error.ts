/**
 * An error that will not go away by retrying: bad input, missing configuration, a 4xx that will not
 * change. The worker fails the job at once and keeps the message for the operator, who fixes the
 * cause and replays.
 */
export class PermanentError extends Error {
  override name = 'PermanentError';
}
