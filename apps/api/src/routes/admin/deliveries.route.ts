import { getProduct, parseInput } from '@licensync/core/catalog';
import {
  deleteDeliveryTemplate,
  getLicenseDelivery,
  listLicenseDeliveries,
  resendLicenseDelivery,
  resolveDeliveryTemplate,
  setDeliveryTemplate,
} from '@licensync/core/deliveries';
import { NotFoundError } from '@licensync/core/errors';
import { type Request, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import {
  deliveryListQuery,
  deliveryTemplateBody,
  resendDeliveryBody,
  toDeliveryJson,
} from './delivery-bodies';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';

/**
 * License delivery mails: the log, a resend (new rows the worker mails within a poll), and the
 * mustache templates of the workspace and of each product.
 */
export function deliveriesRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  /** `null` for the workspace's template, else the product's id (404 for an unknown code). */
  const productOf = async (req: Request, workspaceId: string) =>
    req.params.short_code === undefined
      ? null
      : (await getProduct({ db, workspaceId, shortCode: String(req.params.short_code) })).product.id;

  router.get('/deliveries', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const query = parseInput(deliveryListQuery, req.query);
    const rows = await listLicenseDeliveries(db, {
      workspaceId,
      licenseId: query.license_id,
      customerId: query.customer_id,
    });
    res.json({ data: rows.map(toDeliveryJson), has_more: false });
  });

  router.post('/deliveries', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const body = parseInput(resendDeliveryBody, req.body);
    const { deliveryIds } = await resendLicenseDelivery(db, {
      workspaceId,
      licenseIds: body.license_ids,
      actor: requestActor(req),
    });
    const rows = await Promise.all(deliveryIds.map((id) => getLicenseDelivery(db, workspaceId, id)));
    res.status(202).json({ data: rows.filter((r) => r !== undefined).map(toDeliveryJson) });
  });

  for (const path of ['/delivery_template', '/products/:short_code/delivery_template']) {
    router.get(path, async (req, res) => {
      const workspaceId = requestWorkspace(req, deps);
      const template = await resolveDeliveryTemplate(db, workspaceId, await productOf(req, workspaceId));
      res.json(template);
    });

    router.put(path, async (req, res) => {
      const workspaceId = requestWorkspace(req, deps);
      const productId = await productOf(req, workspaceId);
      const template = parseInput(deliveryTemplateBody, req.body);
      await setDeliveryTemplate(db, { workspaceId, productId, template, actor: requestActor(req) });
      res.json(await resolveDeliveryTemplate(db, workspaceId, productId));
    });

    router.delete(path, async (req, res) => {
      const workspaceId = requestWorkspace(req, deps);
      const productId = await productOf(req, workspaceId);
      if (!(await deleteDeliveryTemplate(db, workspaceId, productId))) {
        throw new NotFoundError('no delivery template stored here');
      }
      res.json({ deleted: true, ...(await resolveDeliveryTemplate(db, workspaceId, productId)) });
    });
  }

  return router;
}
