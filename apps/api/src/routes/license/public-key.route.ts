import type { ProductKeyring } from '@licensync/core/license-signing';
import { Router } from 'express';
import { WORKSPACE_HEADER } from '../admin/request-workspace';
import type { LicenseProduct } from './license-product-resolver';

/**
 * `GET /license/v1/products/:product/public-key`: the product's Ed25519 public key (SPKI PEM)
 * that verifies answer signatures and offline files, to ship inside the vendor's app. The
 * workspace is the `Licensync-Workspace` header or `?workspace=`, so a browser can download it.
 */
export function publicKeyRoute(deps: {
  resolveProduct: (slug: string | undefined, shortCode: string) => Promise<LicenseProduct | null>;
  keyring: ProductKeyring;
}): Router {
  const router = Router();
  router.get('/license/v1/products/:product/public-key', async (req, res) => {
    const slug =
      req.get(WORKSPACE_HEADER) ??
      (typeof req.query.workspace === 'string' ? req.query.workspace : undefined);
    const code = req.params.product;
    const target = code.length <= 100 ? await deps.resolveProduct(slug, code) : null;
    if (!target)
      return void res
        .status(404)
        .json({ ok: false, reason: 'unknown_product', message: `no product ${code}` });
    const key = await deps.keyring.keyFor(target.workspaceId, target.product.id);
    res
      .set('Licensync-Key-Id', key.keyId)
      .set('Content-Disposition', `attachment; filename="${target.product.shortCode}.pem"`)
      .type('application/x-pem-file')
      .send(key.publicKeyPem);
  });
  return router;
}
