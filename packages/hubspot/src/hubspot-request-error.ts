import { PermanentError } from '@licensync/core/errors';

/** A 4xx HubSpot will answer again (bad value, unknown property, missing scope): carries its message. */
export class HubspotRequestError extends PermanentError {
  override name = 'HubspotRequestError';
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

/** A 5xx or network failure: BullMQ retries it with backoff. `code` keeps classifyError's view. */
export class HubspotTransientError extends Error {
  override name = 'HubspotTransientError';
  constructor(
    message: string,
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

interface ApiExceptionLike {
  code?: unknown;
  body?: unknown;
  message?: string;
}

/** HubSpot's own message (`body.message`) rather than the SDK's "HTTP-Code: … Headers: …" dump. */
export function hubspotMessage(err: unknown): string {
  const body = (err as ApiExceptionLike)?.body;
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  if (typeof body === 'string' && body) return body;
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

/** Sorts a failed SDK call: 4xx → permanent with HubSpot's message; the rest → transient. */
export function toHubspotError(err: unknown, endpoint: string): Error {
  const code = (err as ApiExceptionLike)?.code;
  const status = typeof code === 'number' ? code : undefined;
  const message = `${endpoint}: ${hubspotMessage(err)}`;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
    return new HubspotRequestError(status, message, (err as ApiExceptionLike).body);
  }
  return new HubspotTransientError(message, status);
}
