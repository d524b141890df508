import { z } from 'zod';

/**
 * The scopes licensync asks for at install (README "HubSpot scopes"): CRM records it writes,
 * custom object schemas it deploys, and `automation` for the "Create License" workflow action.
 */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.schemas.custom.read',
  'crm.schemas.custom.write',
  'crm.objects.custom.read',
  'crm.objects.custom.write',
  'automation',
] as const;

export interface HubspotOauthApp {
  clientId: string;
  clientSecret: string;
  /** `https://api.hubapi.com`, or a fake's URL. */
  apiBase: string;
  /** v3 (`/oauth/v3/token`, answers `hub_id`) or v1 (deprecated 2027-02-16; hub id from token info). */
  version: 'v3' | 'v1';
}

export interface HubspotTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  portalId: string;
}

/** HubSpot refused the grant (a used or expired code, a revoked refresh token, an uninstalled app). */
export class HubspotGrantRefusedError extends Error {
  override name = 'HubspotGrantRefusedError';
}

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  hub_id: z.number().int().optional(),
});

/** Exchanges an authorization code (`grant_type=authorization_code`). */
export function exchangeHubspotCode(app: HubspotOauthApp, code: string, redirectUri: string) {
  return requestTokens(app, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
}

/** New tokens from a refresh token; keep the refresh token it answers (HubSpot may rotate it). */
export function refreshHubspotTokens(app: HubspotOauthApp, refreshToken: string) {
  return requestTokens(app, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function requestTokens(app: HubspotOauthApp, grant: Record<string, string>): Promise<HubspotTokens> {
  const base = app.apiBase.replace(/\/+$/, '');
  const res = await fetch(`${base}/oauth/${app.version}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ ...grant, client_id: app.clientId, client_secret: app.clientSecret }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    // Never echo the request: it holds the code or refresh token and the client secret.
    const what = String(body.error_description ?? body.message ?? `HTTP ${res.status}`);
    const error = String(body.error ?? body.status ?? res.status);
    if (res.status === 400 || res.status === 401) throw new HubspotGrantRefusedError(`${error}: ${what}`);
    throw new Error(`HubSpot token endpoint answered ${res.status}: ${what}`);
  }
  const tokens = tokenAnswer.parse(body);
  const hubId = tokens.hub_id ?? (await hubIdOfToken(base, tokens.access_token));
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
    portalId: String(hubId),
  };
}

/** v1 token answers carry no hub id: `GET /oauth/v1/access-tokens/{token}` does. */
async function hubIdOfToken(base: string, accessToken: string): Promise<number> {
  const res = await fetch(`${base}/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`, {
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json().catch(() => ({}))) as { hub_id?: number };
  if (!res.ok || typeof body.hub_id !== 'number')
    throw new Error(`HubSpot token info answered ${res.status}`);
  return body.hub_id;
}
