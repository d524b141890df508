import { randomBytes } from 'node:crypto';
import { HUBSPOT_SCOPES } from '@licensync/core/connections';
import type { Workspace } from '@licensync/core/workspaces';
import type { Response } from 'express';
import type { AppDeps } from '../app-deps';
import { createOauthStateStore, hashSession } from './oauth-state-store';

/** The browser cookie an install's `state` is tied to; read back by the callback. */
export const OAUTH_SESSION_COOKIE = 'licensync_oauth_session';

/** Where HubSpot sends the admin back to. */
export const hubspotRedirectUri = (publicUrl: string) =>
  `${publicUrl.replace(/\/+$/, '')}/connections/hubspot/callback`;

/**
 * Sends the browser to HubSpot's authorize page with a single-use `state` tied to a fresh session
 * cookie, for `/connections/hubspot/install` and the console's Connect button alike.
 */
export async function startHubspotInstall(
  deps: Pick<AppDeps, 'config' | 'redis'>,
  res: Response,
  input: { clientId: string; workspace: Workspace; allowPortalSwitch: boolean },
): Promise<void> {
  const { config } = deps;
  const session = randomBytes(32).toString('base64url');
  const state = await createOauthStateStore(deps).issue({
    sessionHash: hashSession(session),
    workspaceId: input.workspace.id,
    workspaceSlug: input.workspace.slug,
    allowPortalSwitch: input.allowPortalSwitch,
  });
  res.cookie(OAUTH_SESSION_COOKIE, session, {
    httpOnly: true,
    // Lax: sent on HubSpot's top-level redirect back to us, not on cross-site subrequests.
    sameSite: 'lax',
    secure: config.PUBLIC_URL.startsWith('https:'),
    path: '/connections/hubspot',
    maxAge: 600_000,
  });
  const url = new URL(config.HUBSPOT_AUTHORIZE_URL);
  url.searchParams.set('client_id', input.clientId);
  url.searchParams.set('redirect_uri', hubspotRedirectUri(config.PUBLIC_URL));
  url.searchParams.set('scope', HUBSPOT_SCOPES.join(' '));
  url.searchParams.set('state', state);
  res.redirect(302, url.toString());
}
