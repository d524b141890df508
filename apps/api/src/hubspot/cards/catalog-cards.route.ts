import { NotFoundError } from '@licensync/core/errors';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { hubspotCaller } from '../hubspot-caller';
import { loadCardCatalog } from './load-card-catalog';
import { toCardPolicyJson, toCardProductJson } from './to-card-policy-json';

/** The products and policies the create form offers, with the fields each policy's type needs. */
export function catalogCardsRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/products', async (_req, res) => {
    const { products } = await loadCardCatalog(deps.db, hubspotCaller(res).workspaceId);
    res.json({ products: [...products.values()].map(toCardProductJson) });
  });
  router.get('/products/:productId/policies', async (req, res) => {
    const { products } = await loadCardCatalog(deps.db, hubspotCaller(res).workspaceId);
    const entry = products.get(req.params.productId);
    if (!entry) throw new NotFoundError(`product ${req.params.productId} not found`);
    res.json({ policies: entry.policies.map((p) => toCardPolicyJson(entry, p)) });
  });
  return router;
}
