import { parseInput } from '@licensync/core/catalog';
import {
  addLicenseFeature,
  getLicense,
  removeLicenseFeature,
  setLicenseCustomField,
  updateLicense,
} from '@licensync/core/licenses';
import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { licenseCustomFieldBody, licenseFeatureBody, licensePatchBody } from './license-edit-bodies';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';
import { toLicenseJson } from './to-license-json';

const toDate = (v: string | null | undefined) => (v == null ? v : new Date(v));

/**
 * Hand edits of one license: the fields its type allows, its features and custom field values.
 * Each answers `{ license, changed }`; every change is in the history and on its way to HubSpot.
 */
export function licenseEditsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;
  const answer = async (req: Request, res: Response, changed: string[]) => {
    const workspaceId = requestWorkspace(req, deps);
    const license = await getLicense({ db, workspaceId, licenseId: String(req.params.id) });
    res.json({ license: toLicenseJson(license), changed });
  };

  router.patch('/licenses/:id', async (req, res) => {
    const body = parseInput(licensePatchBody, req.body);
    const changed = await updateLicense({
      db,
      workspaceId: requestWorkspace(req, deps),
      licenseId: req.params.id,
      patch: {
        ...body,
        valid_until: toDate(body.valid_until),
        maintenance_until: toDate(body.maintenance_until),
      },
      actor: requestActor(req),
    });
    await answer(req, res, changed);
  });

  router.post('/licenses/:id/features', async (req, res) => {
    const body = parseInput(licenseFeatureBody, req.body);
    await addLicenseFeature({
      db,
      workspaceId: requestWorkspace(req, deps),
      licenseId: req.params.id,
      code: body.code,
      maxConsumption: body.max_consumption,
      actor: requestActor(req),
    });
    res.status(201);
    await answer(req, res, ['features']);
  });

  router.delete('/licenses/:id/features/:code', async (req, res) => {
    await removeLicenseFeature({
      db,
      workspaceId: requestWorkspace(req, deps),
      licenseId: req.params.id,
      code: req.params.code,
      actor: requestActor(req),
    });
    await answer(req, res, ['features']);
  });

  router.put('/licenses/:id/custom_fields/:name', async (req, res) => {
    const { value } = parseInput(licenseCustomFieldBody, req.body);
    const changed = await setLicenseCustomField({
      db,
      workspaceId: requestWorkspace(req, deps),
      licenseId: req.params.id,
      name: req.params.name,
      value,
      actor: requestActor(req),
    });
    await answer(req, res, changed ? ['custom_fields'] : []);
  });

  return router;
}
