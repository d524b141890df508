import type { RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * For routes a browser reaches with remembered credentials (HTTP Basic is resent on every request,
 * cross-site ones too): a write must be JSON and come from our own origin. A cross-site HTML form
 * can only post text/plain, urlencoded or multipart bodies, and a cross-site `fetch` with JSON needs
 * a CORS preflight we never grant, so the content type alone stops blind posts; `Origin` and
 * `Sec-Fetch-Site`, which browsers set and pages cannot forge, stop the rest.
 */
export function refuseCrossSiteWrites(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!req.is('application/json')) {
      return void res.status(415).json({ error: 'writes here must be application/json' });
    }
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const ownOrigin = `${req.protocol}://${req.get('host')}`;
    const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
    const foreignOrigin = origin !== undefined && origin !== publicOrigin && origin !== ownOrigin;
    if (foreignSite || foreignOrigin) {
      return void res.status(403).json({ error: 'cross-site writes are refused' });
    }
    next();
  };
}
