import { BACKEND_URL_CONSTANT } from '../src/backend/backend-url-constant';

type Manifest = Record<string, unknown> & {
  ui_extension?: Record<string, unknown> & { content_security_policy?: Record<string, unknown> };
  constants?: Record<string, unknown> | null;
};

// Stripe lets an app reach only https origins, and plain http on the developer's own machine.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The manifest pointed at a licensync deployment: the views may connect to its `/stripe-app/`
 * endpoints only (`connect-src`, a trailing slash allows what is under it), and read its URL from
 * the `LICENSYNC_URL` constant. Everything else in the manifest is kept. Throws on a URL Stripe
 * would refuse or that is not a deployment's root.
 */
export function withBackendUrl<M extends Manifest>(manifest: M, rawUrl: string): M {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new Error(
      `${rawUrl} is not a URL; give the deployment's PUBLIC_URL, e.g. https://licensync.example.com`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
    throw new Error(`${rawUrl} must be https (plain http only for localhost while developing)`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`${rawUrl} must be the deployment's root, without query, fragment or credentials`);
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const csp = manifest.ui_extension?.content_security_policy ?? {};
  return {
    ...manifest,
    ui_extension: {
      ...manifest.ui_extension,
      content_security_policy: { ...csp, 'connect-src': [`${base}/stripe-app/`] },
    },
    constants: { ...manifest.constants, [BACKEND_URL_CONSTANT]: base },
  };
}
