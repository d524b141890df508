import { parseInput } from '@licensync/core/catalog';
import { getCardFieldSettings, saveCardFieldSettings } from '@licensync/core/connections';
import { type Response, Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { hubspotCaller } from '../hubspot-caller';
import { sendHubspotError } from '../send-hubspot-error';

/** The card's field keys (`key`, `validUntil`, …): the app owns the list, we keep the choice. */
const fieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, 'must be a license field key');

export const cardFieldSettingsBody = z.strictObject({
  layout: z.enum(['sidebar', 'table']),
  fields: z.array(fieldKey).min(1, 'choose at least one field').max(50),
});

/**
 * `GET/PUT /hubspot/cards/settings/fields`: which license fields a HubSpot user chose to see on the
 * Licenses cards, kept per portal and user (the `userId` `hubspot.fetch` adds to the signed query).
 */
export function settingsCardsRoute(deps: AppDeps): Router {
  const router = Router();
  const userOf = (res: Response) => {
    const caller = hubspotCaller(res);
    return caller.userId
      ? { workspaceId: caller.workspaceId, portalId: caller.portalId, hubspotUserId: caller.userId }
      : null;
  };
  const noUser = (res: Response) =>
    sendHubspotError(res, 400, 'missing_user', 'the request names no HubSpot user (userId)');

  router.get('/settings/fields', async (_req, res) => {
    const user = userOf(res);
    if (!user) return noUser(res);
    res.json({ fields: await getCardFieldSettings(deps.db, user) });
  });

  router.put('/settings/fields', async (req, res) => {
    const user = userOf(res);
    if (!user) return noUser(res);
    const body = parseInput(cardFieldSettingsBody, req.body);
    // Keep the order given, once each.
    await saveCardFieldSettings(deps.db, { ...user, layout: body.layout, fields: [...new Set(body.fields)] });
    res.json({ fields: await getCardFieldSettings(deps.db, user) });
  });

  return router;
}
