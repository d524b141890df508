import {
  exchangeHubspotCode,
  HubspotGrantRefusedError,
  saveHubspotOauthConnection,
} from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { findWorkspaceBySlug } from '@licensync/core/workspaces';
import { eq } from 'drizzle-orm';
import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../app-deps';
import { createOauthStateStore, hashSession } from '../connections/oauth-state-store';
import { renderPage } from '../connections/render-page';
import {
  hubspotRedirectUri,
  OAUTH_SESSION_COOKIE as SESSION_COOKIE,
  startHubspotInstall,
} from '../connections/start-hubspot-install';
import { authenticateOperator } from '../middleware/authenticate-operator';

/**
 * The HubSpot install, in the admin's browser. `install` (admin credentials, Basic or Bearer)
 * redirects to HubSpot with a single-use `state` tied to a session cookie; `callback` accepts the
 * code only with that state from that browser, exchanges it, and stores the tokens sealed. The
 * worker deploys the schema and syncs once it sees the active connection.
 */
export function hubspotOauthRoute(deps: AppDeps): Router {
  const router = Router();
  const { config, db, secrets } = deps;
  const states = createOauthStateStore(deps);
  const redirectUri = hubspotRedirectUri(config.PUBLIC_URL);
  const page = (
    res: Response,
    status: number,
    title: string,
    lines: string[],
    link?: { href: string; text: string },
  ) =>
    void res
      .status(status)
      .type('html')
      .send(renderPage(title, lines, link));
  const app = () =>
    config.HUBSPOT_CLIENT_ID && config.HUBSPOT_CLIENT_SECRET
      ? {
          clientId: config.HUBSPOT_CLIENT_ID,
          clientSecret: config.HUBSPOT_CLIENT_SECRET,
          apiBase: config.HUBSPOT_API_BASE ?? 'https://api.hubapi.com',
          version: config.HUBSPOT_OAUTH_TOKEN_VERSION,
        }
      : undefined;

  router.get(
    '/connections/hubspot/install',
    authenticateOperator(deps, { browser: true, adminOnly: true }),
    async (req, res) => {
      const oauth = app();
      if (!oauth)
        return page(res, 503, 'HubSpot app not configured', [
          'Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET.',
        ]);
      const slug = typeof req.query.workspace === 'string' ? req.query.workspace : 'default';
      const workspace = await findWorkspaceBySlug(db, slug);
      if (!workspace) return page(res, 404, 'Unknown workspace', [`No workspace ${slug}.`]);
      await startHubspotInstall(deps, res, {
        clientId: oauth.clientId,
        workspace,
        allowPortalSwitch: req.query.allow_portal_switch === 'true',
      });
    },
  );

  router.get('/connections/hubspot/callback', async (req, res) => {
    const oauth = app();
    if (!oauth)
      return page(res, 503, 'HubSpot app not configured', [
        'Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET.',
      ]);
    const { code, state, error } = req.query;
    if (typeof error === 'string') return page(res, 400, 'Not connected', [`HubSpot answered: ${error}.`]);
    if (typeof state !== 'string' || typeof code !== 'string')
      return page(res, 400, 'Not connected', ['The callback needs code and state.']);
    const record = await states.take(state);
    if (!record)
      return page(res, 400, 'Not connected', ['Unknown or already used state: start the install again.']);
    const session = sessionCookie(req);
    if (!session || hashSession(session) !== record.sessionHash)
      return page(res, 400, 'Not connected', [
        'This state was issued to another browser session: start the install again.',
      ]);

    let tokens: Awaited<ReturnType<typeof exchangeHubspotCode>>;
    try {
      tokens = await exchangeHubspotCode(oauth, code, redirectUri);
    } catch (err) {
      if (err instanceof HubspotGrantRefusedError)
        return page(res, 400, 'Not connected', [
          `HubSpot refused the code (${err.message}): start the install again.`,
        ]);
      deps.logger.warn({ err: (err as Error).message }, 'HubSpot code exchange failed');
      return page(res, 502, 'Not connected', ['HubSpot did not answer the code exchange: try again.']);
    }
    const [current] = await db
      .select()
      .from(schema.hubspotConnections)
      .where(eq(schema.hubspotConnections.workspaceId, record.workspaceId));
    if (current && current.portalId !== tokens.portalId && !record.allowPortalSwitch) {
      return page(
        res,
        409,
        'Portal switch needs confirming',
        [
          `This workspace syncs to HubSpot portal ${current.portalId}; you approved portal ${tokens.portalId}.`,
          `Switching sets the record links to portal ${current.portalId} aside and syncs every record to portal ${tokens.portalId} again. Nothing was changed.`,
        ],
        {
          href: `/connections/hubspot/install?workspace=${encodeURIComponent(record.workspaceSlug)}&allow_portal_switch=true`,
          text: 'Switch portal',
        },
      );
    }
    const { connection, previousPortalId } = await saveHubspotOauthConnection(db, {
      workspaceId: record.workspaceId,
      portalId: tokens.portalId,
      sealedAccessToken: secrets.seal(tokens.accessToken),
      sealedRefreshToken: secrets.seal(tokens.refreshToken),
      expiresAt: tokens.expiresAt,
    });
    res.clearCookie(SESSION_COOKIE, { path: '/connections/hubspot' });
    page(
      res,
      200,
      'Connected',
      [
        `HubSpot portal ${connection.portalId}`,
        `Connected at ${connection.updatedAt.toISOString()}`,
        ...(previousPortalId
          ? [`Switched from portal ${previousPortalId}: every record is being synced again.`]
          : []),
      ],
      { href: '/console/connections', text: 'Back to the console' },
    );
  });

  return router;
}

function sessionCookie(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}
