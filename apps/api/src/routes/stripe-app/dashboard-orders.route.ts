import { listProducts, parseInput } from '@licensync/core/catalog';
import { createWorkspaceStripe } from '@licensync/core/connections';
import { ledgerHasStripeCustomer } from '@licensync/core/customers';
import { NotFoundError } from '@licensync/core/errors';
import { runIdempotent } from '@licensync/core/idempotency';
import { listStripeObjectLicenses } from '@licensync/core/licenses';
import { createOrder } from '@licensync/core/orders';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { idempotencyKeyHeader } from '../admin/orders.route';
import { dashboardUser } from './authenticate-dashboard-user';
import { createLicenseBody, dashboardBody, OBJECT_KINDS } from './dashboard-bodies';
import { findStripeCustomer } from './find-stripe-customer';
import { toDashboardLicenseJson } from './to-dashboard-license-json';

const productsBody = dashboardBody({});

/**
 * "Create license" on a customer's page: the products to choose from, and the ledger's order for
 * that Stripe customer (`createOrder`, as `POST /api/v1/orders` takes it), by the dashboard user.
 */
export function dashboardOrdersRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  const stripeFor = createWorkspaceStripe({ ...deps, fallback: deps.stripe });

  router.post('/products', async (req, res) => {
    parseInput(productsBody, req.body);
    const products = await listProducts({ db, workspaceId: dashboardUser(req).workspaceId });
    res.json({
      data: products.map(({ product, policies }) => ({
        short_code: product.shortCode,
        name: product.name,
        default_policy: policies.find((p) => p.isDefault)?.code ?? null,
        policies: policies.map((p) => ({ code: p.code, name: p.name, license_type: p.licenseType })),
      })),
    });
  });

  router.post('/customers/:id/licenses/create', async (req, res) => {
    const stripeCustomerId = parseInput(OBJECT_KINDS.customers.id, req.params.id, 'id');
    const key = parseInput(idempotencyKeyHeader, req.get('idempotency-key'), 'Idempotency-Key');
    const body = parseInput(createLicenseBody, req.body);
    const { workspaceId, workspaceSlug, userId } = dashboardUser(req);
    // Another account's customer is not found here, as on every page (`null` = held elsewhere).
    const ours = await listStripeObjectLicenses({
      db,
      workspaceId,
      kind: 'customer',
      stripeId: stripeCustomerId,
      limit: 1,
    });
    if (!ours) throw new NotFoundError(`customer ${stripeCustomerId} not found`);
    if (!(await ledgerHasStripeCustomer(db, workspaceId, stripeCustomerId))) {
      // Not in the ledger yet: it must be a customer of this workspace's Stripe account.
      const check = await findStripeCustomer(await stripeFor(workspaceId), stripeCustomerId);
      if ('error' in check) {
        return void res.status(502).json({
          error: `could not check customer ${stripeCustomerId} with Stripe: ${check.error}; try again, or check the workspace's Stripe key on the console's Connections page`,
        });
      }
      if (!check.found) {
        throw new NotFoundError(`customer ${stripeCustomerId} not found in this Stripe account`);
      }
    }
    const answer = await runIdempotent({
      db,
      workspaceId,
      key,
      operation: 'stripe-app.licenses.create',
      request: { ...body, customer: stripeCustomerId },
      statusCode: 201,
      perform: async (tx) => {
        const order = await createOrder({
          db: tx,
          workspaceId,
          input: {
            customer: { stripeCustomerId, email: body.email },
            product: body.product,
            policy: body.policy,
            quantity: body.quantity,
            source: 'stripe_app',
          },
          idempotencyKey: key,
          actor: `stripe-user:${userId}`,
        });
        return {
          order_id: order.order.id,
          data: order.licenses.map((d) =>
            toDashboardLicenseJson(d, { publicUrl: deps.config.PUBLIC_URL, workspaceSlug }),
          ),
        };
      },
    });
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.replayed ? 200 : answer.statusCode).json(answer.body);
  });

  return router;
}
