/** A failed call to licensync, with the text a rep can act on (the backend's own message when it gave one). */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof BackendError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What an answer that is not 2xx means to a rep; the backend's `{ error: { code, message } }` wins. */
export function errorFromAnswer(status: number, body: unknown): BackendError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string' && error.message.length > 0) {
    return new BackendError(error.message, status, typeof error.code === 'string' ? error.code : 'error');
  }
  if (status === 401)
    return new BackendError('licensync refused the request signature (401).', status, 'unauthorized');
  if (status === 404) return new BackendError('Not found in licensync (404).', status, 'not_found');
  if (status === 429)
    return new BackendError('Too many requests right now; try again in a moment.', status, 'rate_limited');
  if (status >= 500)
    return new BackendError(`licensync failed (${status}); try again in a moment.`, status, 'server_error');
  return new BackendError(`licensync answered ${status}.`, status, 'error');
}
