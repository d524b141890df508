import { Router } from 'express';
import { ADMIN_OPERATIONS } from './admin-operations';
import { toOpenApiDocument } from './to-openapi-document';

/**
 * `GET /api/v1/openapi.json`, without the token: the document holds no data, and tools (client
 * generators, Swagger UI) can then read it directly. Built once, on first request.
 */
export function openapiRoute(version = '0.1.0'): Router {
  const router = Router();
  let document: ReturnType<typeof toOpenApiDocument> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= toOpenApiDocument(ADMIN_OPERATIONS, version);
    res.json(document);
  });
  return router;
}
