import { runAsActor } from '@licensync/core/history';
import express, { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { authenticateOperator } from '../../middleware/authenticate-operator';
import { activationsRoute } from './activations.route';
import { adminErrorHandler } from './admin-error-handler';
import { catalogImportRoute } from './catalog-import.route';
import { connectionsRoute } from './connections.route';
import { customFieldsRoute } from './custom-fields.route';
import { customerAccountsRoute } from './customer-accounts.route';
import { customersRoute } from './customers.route';
import { deliveriesRoute } from './deliveries.route';
import { failuresRoute } from './failures.route';
import { featuresRoute } from './features.route';
import { historyRoute } from './history.route';
import { licenseEditsRoute } from './license-edits.route';
import { licensesRoute } from './licenses.route';
import { operatorKeysRoute } from './operator-keys.route';
import { ordersRoute } from './orders.route';
import { policiesRoute } from './policies.route';
import { priceProblemsRoute } from './price-problems.route';
import { productsRoute } from './products.route';
import { requestActor, requestClient } from './request-actor';
import { bindRequestWorkspace } from './request-workspace';
import { resyncsRoute } from './resyncs.route';
import { settingsRoute } from './settings.route';
import { statusRoute } from './status.route';
import { webhooksRoute } from './webhooks.route';
import { workspacesRoute } from './workspaces.route';

/**
 * The admin API, mounted at `/api/v1`: bearer `ADMIN_TOKEN` or an operator key, snake_case JSON,
 * rows of the workspace named by `Licensync-Workspace` (default workspace without it). The token
 * is checked before any body is read.
 */
export function adminRoute(deps: AppDeps): Router {
  const router = Router();
  router.use(authenticateOperator(deps));
  router.use(bindRequestWorkspace(deps));
  router.use(express.json({ limit: '1mb' }));
  // After the body is read: stream callbacks would not carry the async context.
  router.use((req, _res, next) => runAsActor(requestActor(req), next, requestClient(req)));
  router.use(workspacesRoute(deps));
  router.use(operatorKeysRoute(deps));
  router.use(connectionsRoute(deps));
  router.use(productsRoute(deps));
  router.use(policiesRoute(deps));
  router.use(featuresRoute(deps));
  router.use(customFieldsRoute(deps));
  router.use(catalogImportRoute(deps));
  router.use(licensesRoute(deps));
  router.use(licenseEditsRoute(deps));
  router.use(activationsRoute(deps));
  router.use(ordersRoute(deps));
  router.use(customersRoute(deps));
  router.use(customerAccountsRoute(deps));
  router.use(priceProblemsRoute(deps));
  router.use(resyncsRoute(deps));
  router.use(failuresRoute(deps));
  router.use(historyRoute(deps));
  router.use(statusRoute(deps));
  router.use(settingsRoute(deps));
  router.use(webhooksRoute(deps));
  router.use(deliveriesRoute(deps));
  router.use(adminErrorHandler());
  return router;
}
