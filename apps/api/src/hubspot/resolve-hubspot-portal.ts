import { findPortalWorkspace } from '@licensync/core/connections';
import type { Db } from '@licensync/core/db';
import { runAsActor } from '@licensync/core/history';
import type { Request, RequestHandler } from 'express';
import { type HubspotCaller, toHubspotActor } from './hubspot-caller';
import { sendHubspotError } from './send-hubspot-error';

/** Where a request names its portal: the query for `hubspot.fetch`, `origin.portalId` for workflow actions. */
export type PortalSource = (req: Request) => unknown;

export const portalFromQuery: PortalSource = (req) => req.query.portalId;

const asId = (value: unknown): string | undefined =>
  (typeof value === 'string' || typeof value === 'number') && /^\d{1,20}$/.test(String(value))
    ? String(value)
    : undefined;

/**
 * After `verifyHubspotSignature` (the portal id is then HubSpot's, being part of what it signed):
 * selects the workspace connected to that portal, so every read and write below is scoped to it,
 * and runs the rest of the request as the HubSpot user for the history.
 */
export function resolveHubspotPortal(db: Db, portalOf: PortalSource = portalFromQuery): RequestHandler {
  return async (req, res, next) => {
    const portalId = asId(portalOf(req));
    if (!portalId) return sendHubspotError(res, 400, 'missing_portal', 'portalId is missing or not a number');
    const found = await findPortalWorkspace(db, portalId);
    if (!found.found)
      return found.reason === 'unknown'
        ? sendHubspotError(res, 404, 'unknown_portal', `portal ${portalId} is not connected to licensync`)
        : sendHubspotError(
            res,
            409,
            'ambiguous_portal',
            `portal ${portalId} is connected to more than one workspace; disconnect it from all but one`,
          );
    const caller: HubspotCaller = {
      workspaceId: found.workspaceId,
      portalId,
      userId: asId(req.query.userId),
      userEmail: typeof req.query.userEmail === 'string' ? req.query.userEmail.slice(0, 320) : undefined,
    };
    res.locals.hubspot = caller;
    runAsActor(toHubspotActor(caller), next, 'hubspot');
  };
}
