import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { OauthStore } from './oauth-store';

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** HubSpot's OAuth errors: the legacy `status`/`message` and RFC 6749's `error`/`error_description`. */
const refused = (status: string, message: string, error = 'invalid_grant'): Answer => ({
  status: 400,
  body: {
    status,
    message,
    correlationId: randomUUID(),
    category: 'VALIDATION_ERROR',
    error,
    error_description: message,
  },
});

const TOKEN_FIELDS = new Set([
  'grant_type',
  'client_id',
  'client_secret',
  'redirect_uri',
  'code',
  'code_verifier',
  'refresh_token',
  'scope',
  'client_assertion',
  'client_assertion_type',
]);

/**
 * `/oauth/*` as the auth-oauth-v1 and v3 specs describe them: the authorize page (the fake user
 * approves at once, for `portal_id` or the default portal), the token endpoints (form-encoded,
 * client credentials in the body), revoke and token info. Answers undefined for other paths.
 */
export async function handleOauthRequest(
  store: OauthStore,
  defaultPortalId: number,
  req: IncomingMessage,
  url: URL,
  text: string,
): Promise<Answer | undefined> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET' && path === '/oauth/authorize')
    return authorize(store, defaultPortalId, url.searchParams);
  const tokenPath = /^\/oauth\/(v1|v3)\/token$/.exec(path);
  if (method === 'POST' && (tokenPath || path === '/oauth/v3/token/revoke')) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return refused(
        'BAD_REQUEST',
        'Content-Type must be application/x-www-form-urlencoded',
        'invalid_request',
      );
    const form = new URLSearchParams(text);
    const app = store.apps.get(form.get('client_id') ?? '');
    if (!app || app.clientSecret !== form.get('client_secret'))
      return refused('BAD_CLIENT_ID', 'missing or unknown client_id or client_secret', 'invalid_client');
    if (path.endsWith('/revoke')) {
      store.revoke(form.get('token') ?? '');
      return { status: 200 };
    }
    return token(store, tokenPath![1] as 'v1' | 'v3', form);
  }
  const info = /^\/oauth\/v1\/access-tokens\/([^/]+)$/.exec(path);
  if (method === 'GET' && info) {
    const access = store.accessTokens.get(decodeURIComponent(info[1]!));
    if (!access || access.expiresAtMs < Date.now())
      return refused('BAD_ACCESS_TOKEN', 'token not found or expired');
    return {
      status: 200,
      body: {
        token: decodeURIComponent(info[1]!),
        hub_id: access.portalId,
        user_id: 1,
        app_id: 1,
        token_type: 'access',
        expires_in: Math.round((access.expiresAtMs - Date.now()) / 1000),
        scopes: [],
      },
    };
  }
  const refreshInfo = /^\/oauth\/v1\/refresh-tokens\/([^/]+)$/.exec(path);
  if (method === 'DELETE' && refreshInfo) {
    return store.revoke(decodeURIComponent(refreshInfo[1]!))
      ? { status: 204 }
      : refused('BAD_REFRESH_TOKEN', 'not found');
  }
  return path.startsWith('/oauth/')
    ? { status: 404, body: { status: 'error', message: `No route for ${method} ${path}` } }
    : undefined;
}

function authorize(store: OauthStore, defaultPortalId: number, q: URLSearchParams): Answer {
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const scopes = (q.get('scope') ?? '').split(/[ +]/).filter(Boolean);
  const page = (status: number, message: string): Answer => ({
    status,
    body: `<!doctype html><title>HubSpot</title><p>${message}</p>`,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  if (!store.apps.has(clientId)) return page(400, 'Authorization failed: unknown client_id');
  if (!URL.canParse(redirectUri)) return page(400, 'Authorization failed: redirect_uri is not a URL');
  if (scopes.length === 0) return page(400, 'Authorization failed: scope is required');
  const portalId = Number(q.get('portal_id') ?? defaultPortalId);
  const code = store.issueCode({ clientId, redirectUri, portalId, scopes });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = q.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return { status: 302, headers: { location: target.toString() } };
}

function token(store: OauthStore, version: 'v1' | 'v3', form: URLSearchParams): Answer {
  for (const key of form.keys()) {
    if (!TOKEN_FIELDS.has(key)) return refused('BAD_REQUEST', `unknown parameter ${key}`, 'invalid_request');
  }
  const grantType = form.get('grant_type');
  const clientId = form.get('client_id')!;
  let issued: ReturnType<OauthStore['refresh']>;
  if (grantType === 'authorization_code') {
    issued = store.redeemCode(form.get('code') ?? '', clientId, form.get('redirect_uri') ?? '');
    if (!issued)
      return refused(
        'BAD_AUTH_CODE',
        'auth code not found, already used, expired or for another redirect_uri',
      );
  } else if (grantType === 'refresh_token') {
    issued = store.refresh(form.get('refresh_token') ?? '', clientId);
    if (!issued) return refused('BAD_REFRESH_TOKEN', 'refresh token is invalid, expired or revoked');
  } else {
    return refused(
      'BAD_GRANT_TYPE',
      'grant_type must be authorization_code or refresh_token',
      'unsupported_grant_type',
    );
  }
  const base = {
    access_token: issued.access,
    refresh_token: issued.refresh,
    expires_in: issued.expiresIn,
    token_type: 'bearer',
  };
  if (version === 'v1') return { status: 200, body: base };
  return {
    status: 200,
    body: {
      ...base,
      token_use: 'access_token',
      hub_id: issued.grant.portalId,
      user_id: 1,
      scopes: issued.grant.scopes,
    },
  };
}
