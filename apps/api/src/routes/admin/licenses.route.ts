import { parseInput } from '@licensync/core/catalog';
import { getLicense, listLicenses, reissueLicenseKey, setLicenseEnabled } from '@licensync/core/licenses';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { licenseListQuery } from './license-list-query';
import { storableText } from './query-primitives';
import { requestWorkspace } from './request-workspace';
import { toLicenseJson } from './to-license-json';

export const disableBody = z
  .strictObject({ reason: storableText(500, { trim: true }).optional() })
  .default({});

/** The license ledger: look licenses up, switch them on and off, and replace leaked keys. */
export function licensesRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/licenses', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const query = parseInput(licenseListQuery, req.query);
    const { data, hasMore } = await listLicenses({
      db,
      workspaceId,
      filters: {
        customerEmail: query.customer_email,
        stripeSubscriptionId: query.stripe_subscription_id,
        stripePaymentIntentId: query.stripe_payment_intent_id,
        status: query.status,
        product: query.product,
      },
      limit: query.limit,
      startingAfter: query.starting_after,
    });
    res.json({ data: data.map(toLicenseJson), has_more: hasMore });
  });

  router.get('/licenses/:id', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    res.json(toLicenseJson(await getLicense({ db, workspaceId, licenseId: req.params.id })));
  });

  router.post('/licenses/:id/enable', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const licenseId = req.params.id;
    await setLicenseEnabled({ db, workspaceId, licenseId, enabled: true });
    res.json(toLicenseJson(await getLicense({ db, workspaceId, licenseId })));
  });

  router.post('/licenses/:id/disable', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const { reason } = parseInput(disableBody, req.body);
    const licenseId = req.params.id;
    await setLicenseEnabled({ db, workspaceId, licenseId, enabled: false, reason });
    res.json(toLicenseJson(await getLicense({ db, workspaceId, licenseId })));
  });

  router.post('/licenses/:id/reissue_key', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const licenseId = req.params.id;
    await reissueLicenseKey({ db, workspaceId, licenseId });
    res.json(toLicenseJson(await getLicense({ db, workspaceId, licenseId })));
  });

  return router;
}
