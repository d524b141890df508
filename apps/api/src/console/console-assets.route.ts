import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Router } from 'express';

const require = createRequire(import.meta.url);

/** Read once at start: two small files, served by us (no CDN), cacheable for a day. */
const ASSETS: Record<string, { type: string; body: Buffer }> = {
  'htmx.min.js': {
    type: 'text/javascript',
    body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js')),
  },
  'console.css': { type: 'text/css', body: readFileSync(new URL('./assets/console.css', import.meta.url)) },
};

/** `/console/assets/*`: htmx from its npm package and the console's stylesheet; no session needed. */
export function consoleAssetsRoute(): Router {
  const router = Router();
  router.get('/assets/:name', (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) return void res.status(404).type('text').send('not found');
    res.set('Cache-Control', 'public, max-age=86400').type(asset.type).send(asset.body);
  });
  return router;
}
