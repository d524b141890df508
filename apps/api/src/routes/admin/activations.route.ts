import { type Activation, deactivateActivation, listActivations } from '@licensync/core/activations';
import { listProductVersions, parseInput, setProductVersion } from '@licensync/core/catalog';
import { NotFoundError } from '@licensync/core/errors';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { requestActor } from './request-actor';
import { requestWorkspace } from './request-workspace';

export const productVersionBody = z.strictObject({ released_at: z.iso.datetime({ offset: true }) });
const versionParam = z
  .string()
  .min(1)
  .max(50)
  .refine((v) => !v.includes('\u0000') && v.isWellFormed(), 'must be plain text');

export const toActivationJson = (a: Activation) => ({
  id: a.id,
  hardware_id: a.hardwareId,
  user_email: a.userEmail,
  app_version: a.appVersion,
  os: a.os,
  activated_at: a.activatedAt.toISOString(),
  last_check_at: a.lastCheckAt?.toISOString() ?? null,
  deactivated_at: a.deactivatedAt?.toISOString() ?? null,
});

/** What the license API keeps that operators see and change: machines, and declared app versions. */
export function activationsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/licenses/:id/activations', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const rows = await listActivations(db, { workspaceId, licenseId: req.params.id });
    res.json({ data: rows.map(toActivationJson), has_more: false });
  });

  router.post('/licenses/:id/activations/:activation_id/deactivate', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const rows = await listActivations(db, { workspaceId, licenseId: req.params.id });
    const activation = rows.find((a) => a.id === req.params.activation_id);
    if (!activation) throw new NotFoundError(`activation ${req.params.activation_id} not found`);
    const freed = await deactivateActivation({
      db,
      workspaceId,
      ref: { activationId: activation.id },
      actor: requestActor(req),
    });
    res.json({ deactivated: freed !== null, activation: toActivationJson(freed ?? activation) });
  });

  router.get('/products/:short_code/versions', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const rows = await listProductVersions(db, { workspaceId, shortCode: req.params.short_code });
    res.json({
      data: rows.map((v) => ({ version: v.version, released_at: v.releasedAt.toISOString() })),
      has_more: false,
    });
  });

  router.put('/products/:short_code/versions/:version', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const { released_at } = parseInput(productVersionBody, req.body);
    const version = parseInput(versionParam, req.params.version);
    const row = await setProductVersion(db, {
      workspaceId,
      shortCode: req.params.short_code,
      version,
      releasedAt: new Date(released_at),
    });
    res.json({ version: row.version, released_at: row.releasedAt.toISOString() });
  });

  return router;
}
