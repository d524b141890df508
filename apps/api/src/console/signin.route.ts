import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { AppDeps } from '../app-deps';
import { operatorIdentifier } from '../middleware/authenticate-operator';
import { createSigninThrottle } from '../middleware/signin-throttle';
import { CONSOLE_COOKIE, readCookie, refusal, requireConsoleSession, safeNext } from './console-auth';
import { type ConsoleSessionStore, SESSION_TTL_S } from './console-session-store';
import { html } from './html';
import { layout } from './layout';

/** Before a session exists, the sign-in form's CSRF token lives in this cookie (double submit). */
const SIGNIN_COOKIE = 'licensync_console_signin';

/**
 * Sign-in with an operator key (or ADMIN_TOKEN), sharing the admin API's lookup and its per-address
 * throttle; sign-out ends the session in Redis, not only in the browser.
 */
export function signinRoute(deps: AppDeps, store: ConsoleSessionStore): Router {
  const router = Router();
  const identify = operatorIdentifier(deps);
  const throttle = createSigninThrottle(deps);
  const { cookie } = store;

  const form = (token: string, next: string, error?: string) =>
    layout(
      { title: 'Sign in' },
      html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="post" action="/console/signin">
<input type="hidden" name="_csrf" value="${token}">
<input type="hidden" name="next" value="${next}">
<p><label for="key">Operator key <input id="key" name="key" type="password" autocomplete="current-password" required autofocus></label></p>
<p><button type="submit">Sign in</button></p>
</form>
<p>Use a key from <code>licensync keys create</code>, or ADMIN_TOKEN.</p>`,
    );

  router.get('/signin', (req, res) => {
    const token = randomBytes(24).toString('base64url');
    res.cookie(SIGNIN_COOKIE, token, { ...cookie, maxAge: 3600_000 });
    res.type('html').send(form(token, safeNext(req.query.next)));
  });

  router.post('/signin', async (req, res) => {
    const next = safeNext(req.body?.next);
    const token = readCookie(req, SIGNIN_COOKIE);
    if (!token || req.body?._csrf !== token) {
      return refusal(res, 403, 'Refused', 'The sign-in form had no valid CSRF token: open it again.');
    }
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (await throttle.isBlocked(address)) {
      res.set('Retry-After', String(deps.config.ADMIN_SIGNIN_WINDOW_S));
      return void res
        .status(429)
        .type('html')
        .send(form(token, next, 'Too many failed sign-ins from this address; try again later.'));
    }
    const key = typeof req.body?.key === 'string' ? req.body.key.trim() : '';
    const operator = key ? await identify(key) : null;
    if (!operator) {
      const failures = await throttle.recordFailure(address);
      deps.logger.warn({ address, failures, path: req.originalUrl }, 'console sign-in refused');
      return void res
        .status(401)
        .type('html')
        .send(form(token, next, 'That key is not valid.'));
    }
    const { id } = await store.create({ ...operator, workspaceId: deps.defaultWorkspaceId });
    res.clearCookie(SIGNIN_COOKIE, { path: '/console' });
    res.cookie(CONSOLE_COOKIE, id, { ...cookie, maxAge: SESSION_TTL_S * 1000 });
    res.redirect(303, next);
  });

  router.post('/signout', requireConsoleSession(store), async (req, res) => {
    const id = readCookie(req, CONSOLE_COOKIE);
    if (id) await store.destroy(id);
    res.clearCookie(CONSOLE_COOKIE, { path: '/console' });
    res.redirect(303, '/console/signin');
  });

  return router;
}
