import { Router } from 'express';

/**
 * Links earlier versions wrote into HubSpot and into failure alerts pointed at the admin API
 * (`/api/v1/licenses/:id`, `/api/v1/customers/:id`, `/api/v1/failures/:id`), which a browser can
 * only open as 401. A browser asking for a page with
 * no credentials is sent to the console page of the record instead; API clients are untouched.
 */
export function legacyLinksRoute(): Router {
  const router = Router();
  router.get(/^\/api\/v1\/(licenses|customers|failures)\/([^/]+)$/, (req, res, next) => {
    const params = req.params as unknown as Record<string, string>;
    const browser = !req.get('authorization') && (req.get('accept') ?? '').includes('text/html');
    if (!browser) return next();
    res.redirect(302, `/console/${params[0]}/${encodeURIComponent(params[1]!)}`);
  });
  return router;
}
