import { type ImportCounts, importCatalog, parseCatalogFile } from '@licensync/core/catalog';
import express, { Router } from 'express';
import type { AppDeps } from '../../app-deps';
import { requestWorkspace } from './request-workspace';

const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/x-yaml'];

/** Applies a whole catalog, sent as JSON or as YAML text; answers what was created and updated. */
export function catalogImportRoute(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  router.post('/catalog/import', express.text({ type: YAML_TYPES, limit: '1mb' }), async (req, res) => {
    const workspaceId = requestWorkspace(req, deps);
    const catalog = typeof req.body === 'string' ? parseCatalogFile(req.body, 'body.yaml') : req.body;
    const { created, updated } = await importCatalog({ db, workspaceId, catalog });
    res.json({ created: toCountsJson(created), updated: toCountsJson(updated) });
  });

  return router;
}

function toCountsJson(counts: ImportCounts) {
  return {
    products: counts.products,
    policies: counts.policies,
    features: counts.features,
    custom_fields: counts.customFields,
  };
}
