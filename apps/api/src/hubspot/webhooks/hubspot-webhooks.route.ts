import { findPortalWorkspace } from '@licensync/core/connections';
import { forgetDeletedHubspotRecord } from '@licensync/core/customers';
import { runAsActor } from '@licensync/core/history';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { sendHubspotError } from '../send-hubspot-error';
import { verifyHubspotSignature } from '../verify-hubspot-signature';
import { hubspotWebhookEvents, toWebhookAction } from './hubspot-webhook-events';

/**
 * `POST /hubspot/webhooks`, the app's webhook subscriptions (v3-signed; HubSpot sends v1 beside it,
 * which proves nothing about the URL and is not accepted). A deleted contact or company loses its
 * connection; every other event is answered 200 and ignored, because any other status makes
 * HubSpot retry for a day. An event of a portal connected to no workspace is ignored the same way.
 * The work is a few row deletes, so it is done before answering, well within HubSpot's 5 s.
 */
export function hubspotWebhooksRoute(deps: AppDeps): Router {
  const router = Router();
  router.post('/hubspot/webhooks', ...verifyHubspotSignature(deps.config), async (req, res) => {
    const parsed = hubspotWebhookEvents.safeParse(req.body);
    if (!parsed.success)
      return sendHubspotError(
        res,
        400,
        'invalid_request',
        'expected a JSON array of up to 100 HubSpot events',
      );
    let forgotten = 0;
    let ignored = 0;
    const workspaces = new Map<number, string | null>();
    for (const event of parsed.data) {
      const action = toWebhookAction(event);
      if (!workspaces.has(event.portalId)) {
        const found = await findPortalWorkspace(deps.db, String(event.portalId));
        workspaces.set(event.portalId, found.found ? found.workspaceId : null);
      }
      const workspaceId = workspaces.get(event.portalId);
      if (action.kind === 'ignore' || !workspaceId) {
        ignored++;
        continue;
      }
      const dropped = await runAsActor(
        `hubspot-portal:${event.portalId}`,
        () =>
          forgetDeletedHubspotRecord({
            db: deps.db,
            workspaceId,
            type: action.type,
            objectId: action.objectId,
            reason: event.subscriptionType,
          }),
        'hubspot',
      );
      if (dropped) forgotten++;
    }
    res.json({ received: parsed.data.length, forgotten, ignored });
  });
  return router;
}
