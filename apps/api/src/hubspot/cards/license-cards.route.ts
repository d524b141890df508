import { parseInput } from '@licensync/core/catalog';
import {
  addLicenseFeature,
  editableLicenseFields,
  getLicense,
  type LicenseDetails,
  type LicenseField,
  removeLicenseFeature,
  setLicenseCustomField,
  updateLicense,
} from '@licensync/core/licenses';
import { type Response, Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { hubspotCaller, toHubspotActor } from '../hubspot-caller';
import { cardCustomFieldBody, cardFeatureBody, cardLicensePatch } from './card-bodies';
import { loadCardCatalog } from './load-card-catalog';
import { toCardLicenseDetailJson, toLicenseLink } from './to-card-license-json';

/** The ledger's snake_case license fields ↔ the card's camelCase ones. */
const CARD_FIELD = {
  valid_until: 'validUntil',
  maintenance_until: 'maintenanceUntil',
  max_activations: 'maxActivations',
  floating_cloud: 'floatingCloud',
  max_license_users: 'maxLicenseUsers',
  is_trial: 'isTrial',
  max_consumptions: 'maxConsumptions',
  allow_overages: 'allowOverages',
  max_overages: 'maxOverages',
} as const satisfies Record<LicenseField, string>;
const COLUMN = {
  valid_until: 'validUntil',
  maintenance_until: 'maintenanceUntil',
  max_activations: 'maxActivations',
  floating_cloud: 'floatingCloud',
  max_license_users: 'maxLicenseUsers',
  is_trial: 'isTrial',
  max_consumptions: 'maxConsumptions',
  allow_overages: 'allowOverages',
  max_overages: 'maxOverages',
} as const satisfies Record<LicenseField, keyof LicenseDetails['license']>;

const toJson = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
const toDate = (v: string | null | undefined) => (v == null ? v : new Date(v));

/** One license in detail and its edits: the fields its type allows, features, custom field values. */
export function licenseCardsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;
  const answer = async (res: Response, licenseId: string, changedFields: unknown[]) => {
    const { workspaceId } = hubspotCaller(res);
    const details = await getLicense({ db, workspaceId, licenseId });
    const catalog = await loadCardCatalog(db, workspaceId);
    const product = catalog.products.get(details.license.productId)?.product;
    const editable = editableLicenseFields(
      details.license.licenseType,
      product?.authorizationMethod ?? 'license-key',
    );
    return {
      license: toCardLicenseDetailJson(details, catalog, config.PUBLIC_URL),
      editableFields: editable.map((f) => CARD_FIELD[f]),
      link: toLicenseLink(config.PUBLIC_URL, catalog.workspaceSlug, details.license.id),
      changedFields,
    };
  };

  router.get('/licenses/:licenseId', async (req, res) => {
    const { changedFields: _, ...rest } = await answer(res, req.params.licenseId, []);
    res.json(rest);
  });

  router.patch('/licenses/:licenseId', async (req, res) => {
    const caller = hubspotCaller(res);
    const body = parseInput(cardLicensePatch, req.body);
    const before = await getLicense({ db, workspaceId: caller.workspaceId, licenseId: req.params.licenseId });
    const changed = await updateLicense({
      db,
      workspaceId: caller.workspaceId,
      licenseId: req.params.licenseId,
      patch: {
        valid_until: toDate(body.validUntil),
        maintenance_until: toDate(body.maintenanceUntil),
        max_activations: body.maxActivations,
        floating_cloud: body.floatingCloud,
        max_license_users: body.maxLicenseUsers,
        is_trial: body.isTrial,
        max_consumptions: body.maxConsumptions,
        allow_overages: body.allowOverages,
        max_overages: body.maxOverages,
      },
      actor: toHubspotActor(caller),
    });
    const out = await answer(res, req.params.licenseId, []);
    out.changedFields = changed.map((f) => ({
      field: CARD_FIELD[f],
      from: toJson(before.license[COLUMN[f]]),
      to: out.license[CARD_FIELD[f]],
    }));
    res.json(out);
  });

  router.post('/licenses/:licenseId/features', async (req, res) => {
    const caller = hubspotCaller(res);
    const body = parseInput(cardFeatureBody, req.body);
    await addLicenseFeature({
      db,
      workspaceId: caller.workspaceId,
      licenseId: req.params.licenseId,
      code: body.code,
      maxConsumption: body.maxConsumption,
      actor: toHubspotActor(caller),
    });
    res.status(201).json(await answer(res, req.params.licenseId, [{ field: 'features', added: body.code }]));
  });

  router.delete('/licenses/:licenseId/features/:code', async (req, res) => {
    const caller = hubspotCaller(res);
    await removeLicenseFeature({
      db,
      workspaceId: caller.workspaceId,
      licenseId: req.params.licenseId,
      code: req.params.code,
      actor: toHubspotActor(caller),
    });
    res.json(await answer(res, req.params.licenseId, [{ field: 'features', removed: req.params.code }]));
  });

  router.put('/licenses/:licenseId/custom-fields/:name', async (req, res) => {
    const caller = hubspotCaller(res);
    const { value } = parseInput(cardCustomFieldBody, req.body);
    const before = await getLicense({ db, workspaceId: caller.workspaceId, licenseId: req.params.licenseId });
    const changed = await setLicenseCustomField({
      db,
      workspaceId: caller.workspaceId,
      licenseId: req.params.licenseId,
      name: req.params.name,
      value,
      actor: toHubspotActor(caller),
    });
    const field = `customFields.${req.params.name}`;
    const from = before.customFields[req.params.name] ?? null;
    res.json(await answer(res, req.params.licenseId, changed ? [{ field, from, to: value }] : []));
  });

  return router;
}
