import type { Response } from 'express';

/** Who a verified HubSpot request comes from; set by `resolveHubspotPortal`. */
export interface HubspotCaller {
  workspaceId: string;
  portalId: string;
  /** The HubSpot user at the card, when HubSpot says. */
  userId?: string;
  userEmail?: string;
}

export function hubspotCaller(res: Response): HubspotCaller {
  const caller = res.locals.hubspot as HubspotCaller | undefined;
  if (!caller) throw new Error('resolveHubspotPortal must run before this handler');
  return caller;
}

/** The history actor of a change made from HubSpot: the user when HubSpot names one, else the portal. */
export function toHubspotActor(caller: Omit<HubspotCaller, 'workspaceId'>): string {
  const user = caller.userEmail ?? caller.userId;
  return user ? `hubspot-user:${user}` : `hubspot-portal:${caller.portalId}`;
}
