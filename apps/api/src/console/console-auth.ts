import { timingSafeEqual } from 'node:crypto';
import { runAsActor } from '@licensync/core/history';
import type { Request, RequestHandler, Response } from 'express';
import { type ConsoleSession, type ConsoleSessionStore, SESSION_TTL_S } from './console-session-store';
import { html } from './html';
import { layout } from './layout';

export const CONSOLE_COOKIE = 'licensync_console';

const READS = new Set(['GET', 'HEAD']);
/** Posts that change only the session itself, which a read-only key may make. */
const VIEW_ONLY_POSTS = new Set(['/signout', '/workspaces/switch']);
const bound = new WeakMap<Request, { id: string; session: ConsoleSession }>();

/** The signed-in console session of a request behind `requireConsoleSession`. */
export function consoleSession(req: Request): ConsoleSession {
  const found = bound.get(req);
  if (!found) throw new Error('consoleSession used on a route without requireConsoleSession');
  return found.session;
}

export const consoleSessionId = (req: Request) => bound.get(req)?.id;

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Only a path of the console itself may be returned to after sign-in (no open redirect). */
export const safeNext = (next: unknown) =>
  typeof next === 'string' && /^\/console(\/[^\\]*)?$/.test(next) && !next.startsWith('//')
    ? next
    : '/console/';

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function refusal(res: Response, status: number, title: string, message: string) {
  res
    .status(status)
    .type('html')
    .send(
      layout(
        { title },
        html`<p class="error">${message}</p><p><a href="/console/">Back to the console</a></p>`,
      ),
    );
}

/**
 * Every console page and action: a session cookie naming a live session, else a read goes to
 * sign-in (and comes back after) and a write is refused. A write must carry the session's CSRF
 * token (`_csrf` field or `X-CSRF-Token` header) and a key allowed to write. Then the request runs
 * as its operator, with `console` as the client, so the history says who did what, from where.
 */
export function requireConsoleSession(store: ConsoleSessionStore): RequestHandler {
  return async (req, res, next) => {
    const id = readCookie(req, CONSOLE_COOKIE);
    const session = id ? await store.read(id) : null;
    if (!id || !session) {
      if (READS.has(req.method)) {
        return void res.redirect(303, `/console/signin?next=${encodeURIComponent(req.originalUrl)}`);
      }
      return refusal(res, 401, 'Signed out', 'Your session ended: sign in again and repeat the action.');
    }
    if (!READS.has(req.method)) {
      const presented = String(req.body?._csrf ?? req.get('x-csrf-token') ?? '');
      if (!sameToken(presented, session.csrf)) {
        return refusal(
          res,
          403,
          'Refused',
          'This form has no valid CSRF token: reload the page and try again.',
        );
      }
      if (session.scope === 'read' && !VIEW_ONLY_POSTS.has(req.path)) {
        return refusal(res, 403, 'Read-only', `Key ${session.actor} is read-only: it can look, not change.`);
      }
    }
    // Redis renewed the session on read; the cookie is renewed with it, so both last 8 h from last use.
    res.cookie(CONSOLE_COOKIE, id, { ...store.cookie, maxAge: SESSION_TTL_S * 1000 });
    bound.set(req, { id, session });
    runAsActor(session.actor, next, 'console');
  };
}
