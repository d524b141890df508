import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { resolveHubspotPortal } from '../resolve-hubspot-portal';
import { verifyHubspotSignature } from '../verify-hubspot-signature';
import { cardErrorHandler } from './card-error-handler';
import { catalogCardsRoute } from './catalog-cards.route';
import { dealCardsRoute } from './deal-cards.route';
import { licenseCardsRoute } from './license-cards.route';
import { orderCardsRoute } from './order-cards.route';
import { recordCardsRoute } from './record-cards.route';
import { settingsCardsRoute } from './settings-cards.route';

/**
 * `/hubspot/cards/*`, called by the app cards through `hubspot.fetch`: signature first, then the
 * portal's workspace, then the endpoint (docs/hubspot-cards-api.md). Nothing here calls HubSpot;
 * writes to it go through the outbox, so an answer never waits on HubSpot or its rate limit.
 */
export function hubspotCardsRoute(deps: AppDeps): Router {
  const router = Router();
  router.use(
    '/hubspot/cards',
    ...verifyHubspotSignature(deps.config),
    resolveHubspotPortal(deps.db),
    catalogCardsRoute(deps),
    orderCardsRoute(deps),
    recordCardsRoute(deps),
    licenseCardsRoute(deps),
    dealCardsRoute(deps),
    settingsCardsRoute(deps),
    cardErrorHandler(),
  );
  return router;
}
