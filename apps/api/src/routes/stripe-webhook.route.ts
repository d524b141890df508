import { enqueueInboxEvent, recordInboxEvent } from '@licensync/core/inbox';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
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
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let event: { id?: unknown; type?: unknown } | null;
      try {
        event = stripe.webhooks.constructEvent(
          body,
          header,
          config.STRIPE_WEBHOOK_SECRET,
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
      const workspaceId = await resolveWorkspace(deps, req.params.workspace);
      if (!workspaceId)
        return void res.status(404).json({ error: `unknown workspace ${req.params.workspace}` });

      const { row, outcome } = await recordInboxEvent(db, {
        workspaceId,
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

async function resolveWorkspace(
  deps: AppDeps,
  slug: string | string[] | undefined,
): Promise<string | undefined> {
  if (typeof slug !== 'string') return deps.defaultWorkspaceId;
  const [ws] = await deps.db
    .select({ id: schema.workspaces.id })
    .from(schema.workspaces)
    .where(eq(schema.workspaces.slug, slug));
  return ws?.id;
}
