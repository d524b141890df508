import { createPolicy, parseInput, policyInputSchema } from '@licensync/core/catalog';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { requestWorkspace } from './request-workspace';
import { toPolicyJson } from './to-product-parts-json';

/** License policies of a product: how its licenses are shaped when bought. */
export function policiesRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.post('/products/:short_code/policies', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const input = parseInput(policyInputSchema, req.body);
    const policy = await createPolicy({ db, workspaceId, shortCode: req.params.short_code, input });
    res.status(201).json(toPolicyJson(policy));
  });

  return router;
}
