import { parseInput } from '@licensync/core/catalog';
import { createDealAssociationsCache, licensesOfHubspotRecords } from '@licensync/core/deals';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { hubspotCaller } from '../hubspot-caller';
import { awaitDealAssociations } from './await-deal-associations';
import { loadCardCatalog } from './load-card-catalog';
import { toCardLicenseJson } from './to-card-license-json';

const dealQuery = z.looseObject({
  of: z.enum(['contacts', 'companies']).default('contacts'),
  perRecord: z.coerce.number().int().min(1).max(20).default(5),
});
const dealId = z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id');

/**
 * `GET /hubspot/cards/deals/:dealId/licenses` (mounted behind the cards' signature and portal
 * checks): the licenses of the contacts, or of the companies, associated with a deal, a few per
 * record with how many more there are, and how many more records the deal has than it lists
 * (`moreRecords`). The associations come from HubSpot through the worker and
 * a short-lived cache (see `awaitDealAssociations`), so no call waits on HubSpot's rate limit;
 * without them yet the answer is `{ pending: true }` and the card polls.
 */
export function dealCardsRoute(deps: AppDeps): Router {
  const router = Router();
  const cache = createDealAssociationsCache({
    redis: deps.redis,
    prefix: deps.config.QUEUE_PREFIX,
    ttlMs: deps.config.HUBSPOT_DEAL_CACHE_TTL_MS,
    staleMs: deps.config.HUBSPOT_DEAL_CACHE_STALE_MS,
  });

  router.get('/deals/:dealId/licenses', async (req, res) => {
    const { workspaceId } = hubspotCaller(res);
    const id = parseInput(dealId, req.params.dealId, 'dealId');
    const { of, perRecord } = parseInput(dealQuery, req.query);
    const lookup = await awaitDealAssociations({
      cache,
      queue: deps.queues.dealAssociations,
      workspaceId,
      dealId: id,
      waitMs: deps.config.HUBSPOT_CARD_WAIT_MS,
    });
    if (!lookup.found) {
      res.json({ pending: true, retryAfterMs: Math.max(250, Math.round(lookup.retryAfterMs)), records: [] });
      return;
    }
    const objectType = of === 'contacts' ? 'contact' : 'company';
    const records = lookup.associations[of];
    const [licenses, names] = await Promise.all([
      licensesOfHubspotRecords(deps.db, {
        workspaceId,
        objectType,
        recordIds: records.map((r) => r.id),
        perRecord,
      }),
      loadCardCatalog(deps.db, workspaceId),
    ]);
    // The deal may have more records than were read by name (see the worker's MAX_DEAL_RECORDS).
    const totalRecords = Math.max(lookup.associations.totals?.[of] ?? records.length, records.length);
    res.json({
      stale: lookup.stale,
      totalRecords,
      moreRecords: totalRecords - records.length,
      readAt: new Date(lookup.associations.readAt).toISOString(),
      records: records.map((r) => {
        const found = licenses.get(r.id)!;
        return {
          objectType,
          objectId: r.id,
          name: r.name,
          connected: found.connected,
          licenses: found.licenses.map((l) => toCardLicenseJson(l, names, deps.config.PUBLIC_URL)),
          total: found.total,
          more: Math.max(0, found.total - found.licenses.length),
        };
      }),
    });
  });

  return router;
}
