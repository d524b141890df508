import { parseInput } from '@licensync/core/catalog';
import {
  addLicenseFeature,
  EDITABLE_LICENSE_FIELDS,
  getLicense,
  reissueLicenseKey,
  removeLicenseFeature,
  setLicenseCustomField,
  setLicenseEnabled,
  updateLicense,
} from '@licensync/core/licenses';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import {
  licenseCustomFieldBody,
  licenseFeatureBody,
  licensePatchBody,
} from '../../routes/admin/license-edit-bodies';
import { disableBody } from '../../routes/admin/licenses.route';
import { consoleSession } from '../console-auth';
import type { ConsolePages } from '../console-page';
import { toLicenseFormValues, toLicensePatchJson } from './license-patch-form';

const toDate = (v: string | null | undefined) => (v == null ? v : new Date(v));
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The license page's forms: the same core calls and body schemas as the admin API's routes. */
export function licenseActionsPage(deps: AppDeps, pages: ConsolePages): Router {
  const router = Router();
  const { db } = deps;
  const back = (id: string) => `/console/licenses/${encodeURIComponent(id)}`;

  router.post('/licenses/:id/enable', async (req, res) => {
    const ws = await pages.workspace(req);
    await setLicenseEnabled({
      db,
      workspaceId: ws.id,
      licenseId: req.params.id,
      enabled: true,
      actor: consoleSession(req).actor,
    });
    await pages.done(req, res, back(req.params.id), 'License enabled.');
  });

  router.post('/licenses/:id/disable', async (req, res) => {
    const ws = await pages.workspace(req);
    const { reason } = parseInput(disableBody, { reason: text(req.body.reason) || undefined });
    await setLicenseEnabled({
      db,
      workspaceId: ws.id,
      licenseId: req.params.id,
      enabled: false,
      reason,
      actor: consoleSession(req).actor,
    });
    await pages.done(req, res, back(req.params.id), 'License disabled.');
  });

  router.post('/licenses/:id/reissue_key', async (req, res) => {
    const ws = await pages.workspace(req);
    await reissueLicenseKey({ db, workspaceId: ws.id, licenseId: req.params.id });
    await pages.done(req, res, back(req.params.id), 'A new key was issued; the old one no longer works.');
  });

  router.post('/licenses/:id/edit', async (req, res) => {
    const ws = await pages.workspace(req);
    const { license } = await getLicense({ db, workspaceId: ws.id, licenseId: req.params.id });
    const json = toLicensePatchJson(
      req.body,
      toLicenseFormValues(license),
      EDITABLE_LICENSE_FIELDS[license.licenseType],
    );
    if (Object.keys(json).length === 0) return pages.done(req, res, back(license.id), 'Nothing changed.');
    const body = parseInput(licensePatchBody, json);
    const changed = await updateLicense({
      db,
      workspaceId: ws.id,
      licenseId: license.id,
      patch: {
        ...body,
        valid_until: toDate(body.valid_until),
        maintenance_until: toDate(body.maintenance_until),
      },
      actor: consoleSession(req).actor,
    });
    await pages.done(
      req,
      res,
      back(license.id),
      changed.length ? `Changed: ${changed.join(', ')}.` : 'Nothing changed.',
    );
  });

  router.post('/licenses/:id/features', async (req, res) => {
    const ws = await pages.workspace(req);
    const max = text(req.body.max_consumption)?.trim();
    const body = parseInput(licenseFeatureBody, {
      code: text(req.body.code)?.trim(),
      max_consumption: max ? (/^\d+$/.test(max) ? Number(max) : max) : null,
    });
    await addLicenseFeature({
      db,
      workspaceId: ws.id,
      licenseId: req.params.id,
      code: body.code,
      maxConsumption: body.max_consumption,
      actor: consoleSession(req).actor,
    });
    await pages.done(req, res, back(req.params.id), `Feature ${body.code} added.`);
  });

  router.post('/licenses/:id/features/:code/remove', async (req, res) => {
    const ws = await pages.workspace(req);
    await removeLicenseFeature({
      db,
      workspaceId: ws.id,
      licenseId: req.params.id,
      code: req.params.code,
      actor: consoleSession(req).actor,
    });
    await pages.done(req, res, back(req.params.id), `Feature ${req.params.code} removed.`);
  });

  router.post('/licenses/:id/custom_fields', async (req, res) => {
    const ws = await pages.workspace(req);
    const name = text(req.body.name)?.trim() ?? '';
    const { value } = parseInput(licenseCustomFieldBody, { value: text(req.body.value) ?? '' });
    await setLicenseCustomField({
      db,
      workspaceId: ws.id,
      licenseId: req.params.id,
      name,
      value,
      actor: consoleSession(req).actor,
    });
    await pages.done(req, res, back(req.params.id), `Custom field ${name} set.`);
  });

  return router;
}
