import { createFeature, featureInputSchema, parseInput } from '@licensync/core/catalog';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { requestWorkspace } from './request-workspace';
import { toFeatureJson } from './to-product-parts-json';

export function featuresRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.post('/products/:short_code/features', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const input = parseInput(featureInputSchema, req.body);
    const feature = await createFeature({ db, workspaceId, shortCode: req.params.short_code, input });
    res.status(201).json(toFeatureJson(feature));
  });

  return router;
}
