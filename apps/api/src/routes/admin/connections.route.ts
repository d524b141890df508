import { parseInput } from '@licensync/core/catalog';
import { setHubspotConnectionState } from '@licensync/core/connections';
import { NotFoundError } from '@licensync/core/errors';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { connectStripe } from '../../connections/connect-stripe';
import { listConnections } from '../../connections/list-connections';
import { ReinstallNeededError, reconnectHubspot } from '../../connections/reconnect-hubspot';
import { requestOperator } from '../../middleware/authenticate-operator';
import { requestWorkspace } from './request-workspace';

export const stripeConnectionBody = z.strictObject({
  api_key: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\S+$/, 'a secret (sk_) or restricted (rk_) key')
    .optional(),
  webhook_secret: z
    .string()
    .regex(/^whsec_\S+$/, 'a signing secret (whsec_…)')
    .optional(),
  register_webhook: z.boolean().default(false),
});

/** The workspace's connections: their status, and connecting Stripe. */
export function connectionsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/connections', async (req, res) => {
    res.json({ data: await listConnections(deps, requestWorkspace(req, deps)) });
  });

  router.post('/connections/stripe', async (req, res) => {
    const input = parseInput(stripeConnectionBody, req.body);
    const workspaceId = requestWorkspace(req, deps);
    const [workspace] = await db
      .select()
      .from(schema.workspaces)
      .where(eq(schema.workspaces.id, workspaceId));
    if (!workspace) throw new NotFoundError('workspace not found');
    const connection = await connectStripe(deps, workspace, {
      apiKey: input.api_key,
      webhookSecret: input.webhook_secret,
      registerWebhook: input.register_webhook,
    });
    res.json({
      kind: 'stripe',
      id: connection.id,
      state: connection.status,
      account_id: connection.accountId,
      livemode: connection.livemode,
      webhook_endpoint_id: connection.webhookEndpointId,
      has_webhook_secret: connection.webhookSecret !== null,
      connected_since: connection.connectedAt.toISOString(),
    });
  });

  router.post('/connections/:id/disconnect', async (req, res) => {
    const connection = await setHubspotConnectionState(db, {
      workspaceId: requestWorkspace(req, deps),
      connectionId: req.params.id,
      state: 'disconnected',
      reason: `disconnected by ${requestOperator(req)?.actor ?? 'an operator'}`,
    });
    res.json({ id: connection.id, state: 'disconnected', reason: connection.statusReason });
  });

  // Resumes a connection an operator disconnected; one HubSpot refused needs a new install instead.
  router.post('/connections/:id/reconnect', async (req, res) => {
    try {
      const connection = await reconnectHubspot(deps, requestWorkspace(req, deps), req.params.id);
      res.json({ id: connection.id, state: 'connected' });
    } catch (err) {
      if (!(err instanceof ReinstallNeededError)) throw err;
      res.status(409).json({ error: err.message });
    }
  });

  return router;
}
