import { createCustomField, customFieldInputSchema, parseInput } from '@licensync/core/catalog';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { toCustomFieldJson } from './to-product-parts-json';

export function customFieldsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, defaultWorkspaceId: workspaceId } = deps;

  router.post('/products/:short_code/custom_fields', async (req, res) => {
    const input = parseInput(customFieldInputSchema, req.body);
    const field = await createCustomField({ db, workspaceId, shortCode: req.params.short_code, input });
    res.status(201).json(toCustomFieldJson(field));
  });

  return router;
}
