import { createHash, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type Express, type RequestHandler, Router } from 'express';
import type { AppDeps } from '../app-deps';
import { refuseCrossSiteWrites } from '../middleware/refuse-cross-site-writes';
import { withoutExternalFonts } from '../middleware/without-external-fonts';

const BASE_PATH = '/admin/queues';

/** Shown on every queue: the board only looks, licensync's replay keeps its rules (skip done, pace, log). */
const REPLAY_HINT =
  'Read-only. To run a failed event again: `licensync failures replay --id <id>` or POST /api/v1/failures/replay.';

/**
 * bull-board over every queue at `/admin/queues`, read-only: live jobs and BullMQ's failed window
 * (the durable record of final failures is `GET /api/v1/failures`). A Retry from the board would
 * bring back a failure an operator discarded and bypass the replay API's rules, so there is none.
 */
export function jobsDashboardRoute(deps: AppDeps): Router {
  const serverAdapter = new ExpressAdapter().setBasePath(BASE_PATH);
  createBullBoard({
    queues: Object.values(deps.queues).map(
      (q) => new BullMQAdapter(q, { readOnlyMode: true, description: REPLAY_HINT }),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'licensync jobs (read-only)', hideDocsLink: true } },
  });
  const board = serverAdapter.getRouter() as Express;
  // bull-board runs its own express app, which would announce itself in X-Powered-By.
  board.disable('x-powered-by');
  const router = Router();
  router.use(
    BASE_PATH,
    requireAdminOrBasic(deps.config.ADMIN_TOKEN),
    refuseCrossSiteWrites(deps.config.PUBLIC_URL),
    withoutExternalFonts(),
    board,
  );
  return router;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * The admin token as `Authorization: Bearer <token>`, or as the password of HTTP Basic with any
 * user name, so a browser can log in through its own prompt (RFC 7617).
 */
function requireAdminOrBasic(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const bearer = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    const presented = bearer ?? basicPassword(header);
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) return deny(res);
    next();
  };
}

function basicPassword(header: string): string | undefined {
  const encoded = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header)?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

function deny(res: Parameters<RequestHandler>[1]): void {
  res.set('WWW-Authenticate', 'Basic realm="licensync"');
  res.status(401).json({ error: 'missing or invalid admin credentials' });
}
