import { signHubspotRequest } from './sign-hubspot-request';

/** Who is calling: the installed app and the HubSpot user looking at the card. */
export interface HubspotFetchCaller {
  /** Where the api under test listens (e.g. `http://127.0.0.1:4321`). */
  apiUrl: string;
  /** The URL HubSpot calls and signs (our `PUBLIC_URL`). */
  publicUrl: string;
  clientSecret: string;
  portalId: number;
  userId?: number;
  userEmail?: string;
  appId?: number;
}

export interface HubspotFetchInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON, as `hubspot.fetch` does with its `body` object. */
  body?: unknown;
  /** For tests of refusals: sign with another secret, at another time, or send a body other than the signed one. */
  signWith?: { clientSecret?: string; timestamp?: number; body?: string };
  /** Omit the signature headers entirely. */
  unsigned?: boolean;
}

export interface HubspotFetchAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever JSON the api answered
  body: any;
}

/**
 * Calls the api as a card's `hubspot.fetch` does: HubSpot appends `userId`, `userEmail`, `appId`
 * and `portalId` to the query, sends no custom headers, and signs the public URL (v3).
 */
export async function hubspotFetch(
  caller: HubspotFetchCaller,
  path: string,
  init: HubspotFetchInit = {},
): Promise<HubspotFetchAnswer> {
  const method = init.method ?? 'GET';
  const query = new URLSearchParams();
  if (caller.userId !== undefined) query.set('userId', String(caller.userId));
  if (caller.userEmail !== undefined) query.set('userEmail', caller.userEmail);
  if (caller.appId !== undefined) query.set('appId', String(caller.appId));
  query.set('portalId', String(caller.portalId));
  const pathAndQuery = `${path}${path.includes('?') ? '&' : '?'}${query}`;
  const body = init.body === undefined ? '' : JSON.stringify(init.body);
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(body && { 'content-type': 'application/json' }),
    ...(!init.unsigned &&
      signHubspotRequest({
        method,
        url: `${caller.publicUrl.replace(/\/+$/, '')}${pathAndQuery}`,
        body: init.signWith?.body ?? body,
        clientSecret: init.signWith?.clientSecret ?? caller.clientSecret,
        timestamp: init.signWith?.timestamp,
      })),
  };
  const res = await fetch(`${caller.apiUrl}${pathAndQuery}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? safeJson(text) : undefined };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
