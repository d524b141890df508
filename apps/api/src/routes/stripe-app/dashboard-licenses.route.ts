import { parseInput } from '@licensync/core/catalog';
import { NotFoundError } from '@licensync/core/errors';
import { getLicense, listStripeObjectLicenses, setLicenseEnabled } from '@licensync/core/licenses';
import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { dashboardUser } from './authenticate-dashboard-user';
import { dashboardBody, disableBody, listBody, OBJECT_KINDS } from './dashboard-bodies';
import { toDashboardLicenseJson } from './to-dashboard-license-json';

const infoBody = dashboardBody({});

/**
 * The licenses of the object a dashboard page shows, one license's every field, and Enable /
 * Disable through the same ledger functions as the admin API (history, HubSpot outbox).
 */
export function dashboardLicensesRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  const toJson = (req: Request) => (d: Parameters<typeof toDashboardLicenseJson>[0]) =>
    toDashboardLicenseJson(d, {
      publicUrl: deps.config.PUBLIC_URL,
      workspaceSlug: dashboardUser(req).workspaceSlug,
    });

  router.post('/:kind/:id/licenses', async (req, res) => {
    // hasOwn first: `__proto__` or `constructor` must not reach the prototype.
    if (!Object.hasOwn(OBJECT_KINDS, req.params.kind)) {
      throw new NotFoundError(`no licenses are listed for ${req.params.kind}`);
    }
    const object = OBJECT_KINDS[req.params.kind as keyof typeof OBJECT_KINDS];
    const stripeId = parseInput(object.id, req.params.id, 'id');
    const body = parseInput(listBody, req.body);
    const page = await listStripeObjectLicenses({
      db,
      workspaceId: dashboardUser(req).workspaceId,
      kind: object.kind,
      stripeId,
      limit: 100,
      startingAfter: body.starting_after,
    });
    if (!page) throw new NotFoundError(`${object.kind} ${stripeId} not found`);
    res.json({ data: page.data.map(toJson(req)), has_more: page.hasMore });
  });

  const answer = async (req: Request, res: Response) => {
    const { workspaceId } = dashboardUser(req);
    res.json(toJson(req)(await getLicense({ db, workspaceId, licenseId: String(req.params.id) })));
  };

  router.post('/licenses/:id', async (req, res) => {
    parseInput(infoBody, req.body);
    await answer(req, res);
  });

  router.post('/licenses/:id/enable', async (req, res) => {
    parseInput(infoBody, req.body);
    const { workspaceId } = dashboardUser(req);
    await setLicenseEnabled({ db, workspaceId, licenseId: req.params.id, enabled: true, actor: 'stripe' });
    await answer(req, res);
  });

  router.post('/licenses/:id/disable', async (req, res) => {
    const { reason } = parseInput(disableBody, req.body);
    const { workspaceId } = dashboardUser(req);
    const licenseId = req.params.id;
    await setLicenseEnabled({ db, workspaceId, licenseId, enabled: false, reason, actor: 'stripe' });
    await answer(req, res);
  });

  return router;
}
