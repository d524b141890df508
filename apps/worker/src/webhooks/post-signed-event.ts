import type { OutboundEvent } from '@licensync/core/webhooks';
import { SIGNATURE_HEADER, signWebhookPayload } from '@licensync/core/webhooks';

export interface DeliveryOutcome {
  statusCode: number | null;
  /** Null when the receiver answered 2xx. */
  error: string | null;
  durationMs: number;
}

/** The JSON body receivers get; `id` stays the same across retries and replays. */
export function toWebhookBody(event: OutboundEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    created: Math.floor(event.createdAt.getTime() / 1000),
    workspace: event.workspaceId,
    data: event.data,
  });
}

/** One signed POST; never throws, so every attempt can be logged. */
export async function postSignedEvent(opts: {
  url: string;
  secret: string;
  event: OutboundEvent;
  timeoutMs: number;
  now?: () => number;
}): Promise<DeliveryOutcome> {
  const body = toWebhookBody(opts.event);
  const started = Date.now();
  const t = Math.floor((opts.now?.() ?? Date.now()) / 1000);
  const took = () => Date.now() - started;
  try {
    const res = await fetch(opts.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'licensync-webhooks',
        [SIGNATURE_HEADER]: signWebhookPayload(opts.secret, body, t),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    // The body is not needed; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    const ok = res.status >= 200 && res.status < 300;
    return { statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, durationMs: took() };
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const message = timedOut
      ? `no answer within ${opts.timeoutMs} ms`
      : err instanceof Error
        ? ((err.cause as Error | undefined)?.message ?? err.message)
        : String(err);
    return { statusCode: null, error: message, durationMs: took() };
  }
}
