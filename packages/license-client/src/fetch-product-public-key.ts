import { LicenseRequestError } from './errors.js';

/**
 * Downloads a product's public key. For setting an app up: ship the PEM inside the app rather
 * than fetching it at run time, or a forged server could hand out its own key.
 */
export async function fetchProductPublicKey(opts: {
  baseUrl: string;
  product: string;
  workspace?: string;
}): Promise<string> {
  const query = opts.workspace ? `?workspace=${encodeURIComponent(opts.workspace)}` : '';
  const res = await fetch(
    `${opts.baseUrl.replace(/\/+$/, '')}/license/v1/products/${encodeURIComponent(opts.product)}/public-key${query}`,
  );
  if (!res.ok) {
    throw new LicenseRequestError(
      'unknown_product',
      `no public key for ${opts.product} (HTTP ${res.status})`,
      res.status,
    );
  }
  return res.text();
}
