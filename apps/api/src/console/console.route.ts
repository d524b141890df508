import express, { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { consoleAssetsRoute } from './console-assets.route';
import { refusal, requireConsoleSession } from './console-auth';
import { consoleErrorHandler } from './console-error-handler';
import { createConsolePages } from './console-page';
import { createConsoleSessionStore } from './console-session-store';
import { followWorkspaceLink } from './follow-workspace-link';
import { connectionsPage } from './pages/connections.page';
import { customersPage } from './pages/customers.page';
import { failureActionsPage } from './pages/failure-actions.page';
import { failuresPage } from './pages/failures.page';
import { licenseActionsPage } from './pages/license-actions.page';
import { licensesPage } from './pages/licenses.page';
import { overviewPage } from './pages/overview.page';
import { resyncsPage } from './pages/resyncs.page';
import { settingsPage } from './pages/settings.page';
import { workspacesPage } from './pages/workspaces.page';
import { signinRoute } from './signin.route';

/**
 * The operators' console at `/console`: server-rendered pages over the same core calls as the
 * admin API, htmx for live bits. Signed in with an operator key into a Redis session; every write
 * carries the session's CSRF token.
 */
export function consoleRoute(deps: AppDeps): Router {
  const store = createConsoleSessionStore(deps);
  const pages = createConsolePages(deps, store);
  const authed = Router();
  authed.use(requireConsoleSession(store));
  authed.use(followWorkspaceLink(deps, store));
  authed.use(overviewPage(deps, pages));
  authed.use(licensesPage(deps, pages));
  authed.use(licenseActionsPage(deps, pages));
  authed.use(customersPage(deps, pages));
  authed.use(failuresPage(deps, pages));
  authed.use(failureActionsPage(deps, pages));
  authed.use(resyncsPage(deps, pages));
  authed.use(connectionsPage(deps, pages));
  authed.use(settingsPage(deps, pages));
  authed.use(workspacesPage(deps, pages, store));
  authed.use((_req, res) => refusal(res, 404, 'Not found', 'There is no such console page.'));

  // The Connect button's form is answered with a redirect to HubSpot, which form-action also governs.
  const formTargets = `'self' ${new URL(deps.config.HUBSPOT_AUTHORIZE_URL).origin}`;
  const router = Router();
  router.use(consoleAssetsRoute());
  router.use(express.urlencoded({ extended: false, limit: '100kb' }));
  router.use((_req, res, next) => {
    // Pages are never framed (clickjacking) and never cached with someone's data in them.
    res.set({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' });
    res.set(
      'Content-Security-Policy',
      `default-src 'self'; frame-ancestors 'none'; form-action ${formTargets}`,
    );
    next();
  });
  router.use(signinRoute(deps, store));
  router.use(authed);
  router.use(consoleErrorHandler());
  return router;
}
