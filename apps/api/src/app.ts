import express, { type Express } from 'express';
import type { AppDeps } from './app-deps';
import { consoleRoute } from './console/console.route';
import { legacyLinksRoute } from './console/legacy-links.route';
import { hubspotCardsRoute } from './hubspot/cards/cards.route';
import { hubspotWebhooksRoute } from './hubspot/webhooks/hubspot-webhooks.route';
import { workflowActionRoute } from './hubspot/workflow/workflow-action.route';
import { errorHandler } from './middleware/error-handler';
import { createLocalWrites } from './middleware/local-writes';
import { requestLogger } from './middleware/request-logger';
import { openapiRoute } from './openapi/openapi.route';
import { adminRoute } from './routes/admin/admin.route';
import { customerPageRoute } from './routes/customer/customer-page.route';
import { passwordLinkRoute } from './routes/customer/password-link.route';
import { healthRoute } from './routes/health.route';
import { hubspotOauthRoute } from './routes/hubspot-oauth.route';
import { jobsDashboardRoute } from './routes/jobs-dashboard.route';
import { licenseApiRoute } from './routes/license/license-api.route';
import { stripeAppRoute } from './routes/stripe-app/stripe-app.route';
import { stripeWebhookRoute } from './routes/stripe-webhook.route';

/** The express app, with no listening or process concerns, so tests can mount it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, its X-Forwarded-For decides req.ip (per-address limits, sign-in throttle,
  // request log) only for the proxies TRUST_PROXY names; by default the header is ignored.
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.use(requestLogger(deps.logger));
  const localWrites = createLocalWrites();
  app.use(localWrites.middleware);
  app.use(healthRoute(deps));
  app.use(stripeWebhookRoute(deps));
  app.use('/console', consoleRoute(deps));
  app.use(legacyLinksRoute());
  app.use(workflowActionRoute(deps));
  app.use(licenseApiRoute({ ...deps, localWrites }));
  // Before the admin router: the document is the one admin path readable without the token.
  app.use('/api/v1', openapiRoute());
  app.use(hubspotOauthRoute(deps));
  app.use(hubspotCardsRoute(deps));
  app.use(hubspotWebhooksRoute(deps));
  // Pages customers open from their delivery mail: no admin token, the link is the credential.
  app.use('/customer/v1', customerPageRoute(deps), passwordLinkRoute(deps));
  app.use('/api/v1', adminRoute(deps));
  app.use(jobsDashboardRoute(deps));
  app.use('/stripe-app', stripeAppRoute(deps));
  app.use((_req, res) => void res.status(404).json({ error: 'not found' }));
  app.use(errorHandler(deps.logger));
  return app;
}
