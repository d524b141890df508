import { listPriceProblems } from '@licensync/core/catalog';
import { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { requestWorkspace } from './request-workspace';

/** Stripe prices whose license metadata the worker found broken or suspect, so vendors can fix them. */
export function priceProblemsRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.get('/prices/problems', async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const rows = await listPriceProblems({ db, workspaceId });
    res.json({
      data: rows.map((row) => ({
        price_id: row.priceId,
        product_id: row.productId,
        // A warning is reported only: the price still licenses by the documented rule.
        problems: row.problems.map(({ attribute, rule, message, severity }) => ({
          attribute,
          rule,
          message,
          severity: severity ?? 'error',
        })),
        checked_at: row.checkedAt.toISOString(),
      })),
    });
  });

  return router;
}
