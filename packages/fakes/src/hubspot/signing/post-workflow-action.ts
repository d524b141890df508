import type { HubspotFetchAnswer } from './hubspot-fetch';
import { signHubspotRequest } from './sign-hubspot-request';

export interface WorkflowActionCaller {
  /** Where the api under test listens. */
  apiUrl: string;
  /** The URL HubSpot calls and signs (our `PUBLIC_URL`). */
  publicUrl: string;
  clientSecret: string;
}

/**
 * POSTs a workflow-action request (an execution or an options fetch) as HubSpot does: JSON body,
 * no query string, signed v2 (`X-HubSpot-Signature`, as HubSpot documents for actions) and v3 unless
 * told otherwise. `signWith.body` sends another body than the one signed (a tampered request).
 */
export async function postWorkflowAction(
  caller: WorkflowActionCaller,
  path: string,
  body: unknown,
  opts: {
    versions?: ReadonlyArray<'v2' | 'v3'>;
    signWith?: { clientSecret?: string; timestamp?: number };
  } = {},
): Promise<HubspotFetchAnswer> {
  const text = JSON.stringify(body);
  const headers = {
    'content-type': 'application/json',
    ...signHubspotRequest({
      method: 'POST',
      url: `${caller.publicUrl.replace(/\/+$/, '')}${path}`,
      body: text,
      clientSecret: opts.signWith?.clientSecret ?? caller.clientSecret,
      timestamp: opts.signWith?.timestamp,
      versions: opts.versions ?? ['v2', 'v3'],
    }),
  };
  const res = await fetch(`${caller.apiUrl}${path}`, { method: 'POST', headers, body: text });
  const answer = await res.text();
  let parsed: unknown = answer;
  try {
    parsed = answer ? JSON.parse(answer) : undefined;
  } catch {}
  return { status: res.status, body: parsed };
}
