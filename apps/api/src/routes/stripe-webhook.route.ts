import { enqueueInboxEvent, recordInboxEvent } from '@licensync/core/inbox';
import { DEFAULT_WORKSPACE_SLUG, findWebhookWorkspace } from '@licensync/core/workspaces';
import express, { Router } from 'express';
import type { AppDeps } from '../app-deps';

/**
 * Raw body → verify → record in the inbox → enqueue → 2xx. What an event means is decided in the
 * worker. If Redis is down the event is still safe in Postgres and the relay enqueues it later.
 */
export function stripeWebhookRoute(deps: AppDeps): Router {
  const router = Router();
  const { config, db, queues, logger, metrics, stripe } = deps;

  router.post(
    ['/webhooks/stripe', '/webhooks/stripe/:workspace'],
    (_req, res, next) => {
      const stop = metrics.webhookIngressDuration.startTimer({ provider: 'stripe' });
      res.on('finish', () => stop({ status: String(res.statusCode) }));
      next();
    },
    express.raw({ type: () => true, limit: '1mb' }),
    async (req, res) => {
      const header = req.get('stripe-signature');
      if (!header) {
        metrics.webhooksReceived.inc({ provider: 'stripe', outcome: 'bad_signature' });
        return void res.status(400).json({ error: 'missing Stripe-Signature header' });
      }
      const workspace = await resolveWorkspace(deps, req.params.workspace);
      if (!workspace)
        return void res.status(404).json({ error: `unknown workspace ${req.params.workspace}` });
      if (!workspace.secret) {
        metrics.webhooksReceived.inc({ provider: 'stripe', outcome: 'bad_signature' });
        return void res.status(400).json({
          error: `workspace ${workspace.slug} has no webhook signing secret: connect its Stripe account`,
        });
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let event: { id?: unknown; type?: unknown } | null;
      try {
        event = stripe.webhooks.constructEvent(
          body,
          header,
          workspace.secret,
          config.WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch (err) {
        const malformed = err instanceof SyntaxError;
        metrics.webhooksReceived.inc({
          provider: 'stripe',
          outcome: malformed ? 'malformed' : 'bad_signature',
        });
        return void res
          .status(400)
          .json({ error: malformed ? 'body is not valid JSON' : (err as Error).message });
      }
      if (
        typeof event !== 'object' ||
        event === null ||
        typeof event.id !== 'string' ||
        typeof event.type !== 'string'
      ) {
        metrics.webhooksReceived.inc({ provider: 'stripe', outcome: 'malformed' });
        return void res.status(400).json({ error: 'event needs a string id and type' });
      }
      const { row, outcome } = await recordInboxEvent(db, {
        workspaceId: workspace.id,
        provider: 'stripe',
        externalId: event.id,
        type: event.type,
        payload: event as Record<string, unknown>,
      });
      metrics.webhooksReceived.inc({ provider: 'stripe', outcome });
      if (outcome === 'duplicate') return void res.json({ received: true, duplicate: true });

      try {
        await enqueueInboxEvent(db, queues.inbox, row, {
          attempts: config.JOB_ATTEMPTS,
          backoffMs: config.JOB_BACKOFF_MS,
        });
      } catch (err) {
        logger.warn(
          { eventId: event.id, err: (err as Error).message },
          'enqueue failed; the relay will retry',
        );
      }
      res.json({ received: true });
    },
  );
  return router;
}

/**
 * The URL's workspace and the secret its events are signed with: its own endpoint's secret once
 * Stripe is connected; the bare URL and the default workspace fall back to STRIPE_WEBHOOK_SECRET.
 */
async function resolveWorkspace(
  deps: AppDeps,
  slug: string | string[] | undefined,
): Promise<{ id: string; slug: string; secret: string | null } | undefined> {
  const found = await findWebhookWorkspace(deps.db, typeof slug === 'string' ? slug : DEFAULT_WORKSPACE_SLUG);
  if (!found) return undefined;
  if (found.sealedWebhookSecret) {
    return { ...found, secret: deps.secrets.open(found.sealedWebhookSecret) };
  }
  const fallback = found.slug === DEFAULT_WORKSPACE_SLUG ? deps.config.STRIPE_WEBHOOK_SECRET : null;
  return { ...found, secret: fallback };
}
