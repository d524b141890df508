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
import { requestWorkspace } from './request-workspace';
import { toProductJson } from './to-product-json';

/** Products of the catalog: each answered with its policies, features and custom fields. */
export function productsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.post('/products', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const input = parseInput(productInputSchema, req.body);
    await createProduct({ db, workspaceId, input });
    res.status(201).json(toProductJson(await getProduct({ db, workspaceId, shortCode: input.short_code })));
  });

  router.get('/products', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    res.json({ data: (await listProducts({ db, workspaceId })).map(toProductJson) });
  });

  router.get('/products/:short_code', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    res.json(toProductJson(await getProduct({ db, workspaceId, shortCode: req.params.short_code })));
  });

  router.patch('/products/:short_code', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const patch = parseInput(productPatchSchema, req.body);
    const shortCode = req.params.short_code;
    await updateProduct({ db, workspaceId, shortCode, patch });
    res.json(toProductJson(await getProduct({ db, workspaceId, shortCode })));
  });

  return router;
}
