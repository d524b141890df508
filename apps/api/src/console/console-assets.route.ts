import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Router } from 'express';

/**
 * `console-assets/` beside this module: in the sources the stylesheet; in the image's bundle
 * (`dist/console-assets/`, copied by `pnpm build`) the stylesheet and htmx, since the image carries
 * only the packages a bundle imports. From the sources htmx is read from its npm package.
 */
const DIR = new URL('./console-assets/', import.meta.url);

function htmx(): Buffer {
  const bundled = new URL('htmx.min.js', DIR);
  if (existsSync(bundled)) return readFileSync(bundled);
  return readFileSync(createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'));
}

/** Read once at start: two small files, served by us (no CDN), cacheable for a day. */
const ASSETS: Record<string, { type: string; body: Buffer }> = {
  'htmx.min.js': { type: 'text/javascript', body: htmx() },
  'console.css': { type: 'text/css', body: readFileSync(new URL('console.css', DIR)) },
};

/** `/console/assets/*`: htmx from its npm package and the console's stylesheet; no session needed. */
export function consoleAssetsRoute(): Router {
  const router = Router();
  router.get('/assets/:name', (req, res) => {
    // hasOwn: `constructor`, `__proto__`, `toString` are properties of every object, not assets.
    const asset = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (!asset) return void res.status(404).type('text').send('not found');
    res.set('Cache-Control', 'public, max-age=86400').type(asset.type).send(asset.body);
  });
  return router;
}
