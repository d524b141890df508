import express, { type Response, Router } from 'express';
import type { AppDeps } from '../app-deps';
import { limitBytesInFlight } from '../middleware/limit-bytes-in-flight';
import { verifyStripeWebhook } from '../verify/verify-stripe-webhook';
import { createWorkspaceResolver } from './create-workspace-resolver';

const MAX_BODY_BYTES = 1024 * 1024;
const RECEIVED = JSON.stringify({ received: true });
const DUPLICATE = JSON.stringify({ received: true, duplicate: true });

/**
 * Raw body → verify → record in the inbox → 2xx once the row is committed. What an event means is
 * decided in the worker. The body is stored exactly as received; the job is queued after the
 * answer, and if Redis is down the relay queues it later.
 */
export function stripeWebhookRoute(deps: AppDeps): Router {
  const router = Router();
  const { config, inbox, logger, metrics, stripe } = deps;
  const resolveWorkspace = createWorkspaceResolver(deps);
  const bytes = limitBytesInFlight({
    maxBytes: config.WEBHOOK_BYTES_IN_FLIGHT,
    maxBodyBytes: MAX_BODY_BYTES,
  });
  const count = (outcome: string) => metrics.webhooksReceived.inc({ provider: 'stripe', outcome });

  router.post(
    ['/webhooks/stripe', '/webhooks/stripe/:workspace'],
    (_req, res, next) => {
      const stop = metrics.webhookIngressDuration.startTimer({ provider: 'stripe' });
      res.on('finish', () => stop({ status: String(res.statusCode) }));
      next();
    },
    bytes.middleware,
    // Stripe never compresses webhooks; inflating would only let a small body grow.
    express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }),
    async (req, res) => {
      const header = req.get('stripe-signature');
      if (!header) {
        count('bad_signature');
        return void res.status(400).json({ error: 'missing Stripe-Signature header' });
      }
      // Each workspace verifies with its own secret: an event signed for one is refused by another.
      const workspace = await resolveWorkspace(req.params.workspace);
      if (!workspace)
        return void res.status(404).json({ error: `unknown workspace ${req.params.workspace}` });
      if (!workspace.secret) {
        count('bad_signature');
        return void res.status(400).json({
          error: `workspace ${workspace.slug} has no webhook signing secret: connect its Stripe account`,
        });
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified = verifyStripeWebhook(
        stripe,
        body,
        header,
        workspace.secret,
        config.WEBHOOK_TOLERANCE_SECONDS,
      );
      if (!verified.ok) {
        count(verified.outcome);
        return void res.status(400).json({ error: verified.error });
      }

      let outcome: 'new' | 'retry' | 'duplicate';
      try {
        ({ outcome } = await inbox.record({
          workspaceId: workspace.id,
          provider: 'stripe',
          externalId: verified.id,
          type: verified.type,
          body: verified.body,
        }));
      } catch (err) {
        // Not stored, so not acknowledged: Stripe delivers it again.
        logger.error({ eventId: verified.id, err: (err as Error).message }, 'inbox insert failed');
        count('store_failed');
        return void res.status(503).json({ error: 'the event could not be stored; deliver it again later' });
      }
      count(outcome);
      sendJson(res, outcome === 'duplicate' ? DUPLICATE : RECEIVED);
    },
  );
  return router;
}

// Straight to node: the answer is fixed, so express's serialisation and ETag hashing are waste.
function sendJson(res: Response, body: string): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}
