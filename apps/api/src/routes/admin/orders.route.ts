import { parseInput } from '@licensync/core/catalog';
import { runIdempotent } from '@licensync/core/idempotency';
import { createOrder } from '@licensync/core/orders';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { orderBody, toOrderInput } from './order-body';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';
import { toOrderJson } from './to-order-json';

/** Stripe's limit for its own `Idempotency-Key`, which callers already generate keys for. */
export const idempotencyKeyHeader = z.string().trim().min(1).max(255).optional();

/**
 * Orders taken by hand. With an `Idempotency-Key`, a retry answers 200 with the first answer's
 * body; the same key with another body is a 422.
 */
export function ordersRoute(deps: AppDeps): Router {
  const router = Router();

  router.post('/orders', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const key = parseInput(idempotencyKeyHeader, req.get('idempotency-key'), 'Idempotency-Key');
    const body = parseInput(orderBody, req.body);
    const answer = await runIdempotent({
      db: deps.db,
      workspaceId,
      key,
      operation: 'orders.create',
      request: body,
      statusCode: 201,
      perform: async (tx) =>
        toOrderJson(
          await createOrder({
            db: tx,
            workspaceId,
            input: toOrderInput(body),
            idempotencyKey: key,
            actor: requestActor(req),
          }),
        ),
    });
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.replayed ? 200 : answer.statusCode).json(answer.body);
  });

  return router;
}
