import {
  createProduct,
  getProduct,
  listProducts,
  parseInput,
  productInputSchema,
  productPatchSchema,
  updateProduct,
} from '@licensync/core/catalog';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { toProductJson } from './to-product-json';

/** Products of the catalog: each answered with its policies, features and custom fields. */
export function productsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db, defaultWorkspaceId: workspaceId } = deps;

  router.post('/products', async (req, res) => {
    const input = parseInput(productInputSchema, req.body);
    await createProduct({ db, workspaceId, input });
    res.status(201).json(toProductJson(await getProduct({ db, workspaceId, shortCode: input.short_code })));
  });

  router.get('/products', async (_req, res) => {
    res.json({ data: (await listProducts({ db, workspaceId })).map(toProductJson) });
  });

  router.get('/products/:short_code', async (req, res) => {
    res.json(toProductJson(await getProduct({ db, workspaceId, shortCode: req.params.short_code })));
  });

  router.patch('/products/:short_code', async (req, res) => {
    const patch = parseInput(productPatchSchema, req.body);
    const shortCode = req.params.short_code;
    await updateProduct({ db, workspaceId, shortCode, patch });
    res.json(toProductJson(await getProduct({ db, workspaceId, shortCode })));
  });

  return router;
}
