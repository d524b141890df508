import express, { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { adminErrorHandler } from '../admin/admin-error-handler';
import { authenticateDashboardUser } from './authenticate-dashboard-user';
import { dashboardLicensesRoute } from './dashboard-licenses.route';
import { dashboardOrdersRoute } from './dashboard-orders.route';

/**
 * The backend of the Stripe app (`apps/stripe-app`), mounted at `/stripe-app`. Every request is a
 * POST whose body carries the signed `user_id` and `account_id` (a view cannot send a body with
 * GET), verified before any handler runs; answers are the admin API's JSON and error shape.
 */
export function stripeAppRoute(deps: AppDeps): Router {
  const router = Router();
  // Views run in a sandboxed iframe of Stripe's origin and authenticate by signature, never by
  // cookie, so any origin may call; the preflight asks for the signature header.
  router.use((req, res, next) => {
    res.set('Access-Control-Allow-Origin', '*');
    if (req.method !== 'OPTIONS') return next();
    res.set('Access-Control-Allow-Methods', 'POST');
    res.set('Access-Control-Allow-Headers', 'Content-Type, Stripe-Signature, Idempotency-Key');
    res.set('Access-Control-Max-Age', '600');
    res.status(204).end();
  });
  router.use(express.json({ limit: '64kb' }));
  router.use(authenticateDashboardUser(deps));
  router.use(dashboardLicensesRoute(deps));
  router.use(dashboardOrdersRoute(deps));
  router.use(adminErrorHandler());
  return router;
}
