/**
 * The yardstick of the license-check benchmark: express parsing the same JSON body and answering
 * a small JSON, nothing else (no database, no Redis, no signature) — the floor of the HTTP stack.
 * Run from the repository root with `PORT`; express is resolved from apps/api.
 */
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../apps/api/package.json', import.meta.url));
// biome-ignore lint/suspicious/noExplicitAny: the yardstick needs no types
const express = require('express') as any;
const app = express();
app.post(
  '/license/v1/check',
  express.json({ limit: '8kb' }),
  // biome-ignore lint/suspicious/noExplicitAny: the yardstick needs no types
  (req: any, res: any) => res.json({ ok: true, product: req.body?.product ?? null }),
);
app.listen(Number(process.env.PORT ?? 3998), '127.0.0.1');
