import { createHash, timingSafeEqual } from 'node:crypto';
import { findOperatorKey } from '@licensync/core/operator-keys';
import type { OperatorKeyScope } from '@licensync/core/schema';
import type { Request, RequestHandler } from 'express';
import type { AppDeps } from '../app-deps';
import { createSigninThrottle } from './signin-throttle';

const digest = (text: string) => createHash('sha256').update(text).digest();

export interface Operator {
  /** Written to the history: `admin-token` or `key:<name>`. */
  actor: string;
  scope: OperatorKeyScope;
  /**
   * What signed in, for re-checking later: `key:<id>` for an operator key, or `admin:<fingerprint>`
   * of ADMIN_TOKEN, so a changed token no longer matches.
   */
  credential: string;
}

const operators = new WeakMap<Request, Operator>();

/** The operator `authenticateOperator` let in; undefined on a route it does not guard. */
export const requestOperator = (req: Request): Operator | undefined => operators.get(req);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `Authorization: Bearer <ADMIN_TOKEN | operator key>`. ADMIN_TOKEN (the bootstrap key) is compared
 * in constant time over SHA-256 digests, so lengths never differ; operator keys are looked up by
 * hash. A read-only key gets 403 on anything but a read. An address with too many failures in the
 * window is refused with 429 before its token is looked at; failures are logged without the token.
 */
export function authenticateOperator(
  deps: Pick<AppDeps, 'config' | 'db' | 'redis' | 'logger'>,
  /** `browser`: also HTTP Basic (any user, the token as password); `adminOnly`: read keys get 403 even on GET. */
  opts: { browser?: boolean; adminOnly?: boolean } = {},
): RequestHandler {
  const identify = operatorIdentifier(deps);
  const throttle = createSigninThrottle(deps);
  return async (req, res, next) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    if (await throttle.isBlocked(address)) {
      res.set('Retry-After', String(deps.config.ADMIN_SIGNIN_WINDOW_S));
      return void res.status(429).json({ error: 'too many failed sign-ins from this address; try later' });
    }
    const header = req.get('authorization') ?? '';
    const presented =
      /^Bearer +(\S+) *$/i.exec(header)?.[1] ?? (opts.browser ? basicPassword(header) : undefined);
    const operator = presented === undefined ? null : await identify(presented);
    if (!operator) {
      const failures = await throttle.recordFailure(address);
      deps.logger.warn(
        { address, failures, method: req.method, path: req.originalUrl, presented: presented !== undefined },
        'admin sign-in refused',
      );
      // A browser shows its own prompt for Basic (any user name, the token as password; RFC 7617).
      res.set(
        'WWW-Authenticate',
        opts.browser ? 'Basic realm="licensync"' : 'Bearer realm="licensync admin"',
      );
      return void res.status(401).json({ error: 'missing or invalid admin token' });
    }
    if (operator.scope === 'read' && (opts.adminOnly || !READS.has(req.method))) {
      return void res.status(403).json({ error: `key ${operator.actor} is read-only` });
    }
    operators.set(req, operator);
    next();
  };
}

/** Who a presented token is: ADMIN_TOKEN, an operator key, or nobody (null). Shared with the console's sign-in. */
export function operatorIdentifier(deps: Pick<AppDeps, 'config' | 'db'>) {
  const expected = digest(deps.config.ADMIN_TOKEN);
  const admin = adminCredential(deps.config.ADMIN_TOKEN);
  return async (presented: string): Promise<Operator | null> => {
    if (timingSafeEqual(digest(presented), expected)) {
      return { actor: 'admin-token', scope: 'admin', credential: admin };
    }
    const key = await findOperatorKey(deps.db, presented);
    return key ? { actor: `key:${key.name}`, scope: key.scope, credential: `key:${key.id}` } : null;
  };
}

/**
 * A fingerprint of ADMIN_TOKEN that is kept in a console session instead of the token: domain
 * separated from the comparison digest, and truncated, so it is useless as a credential.
 */
export const adminCredential = (token: string) =>
  `admin:${createHash('sha256').update(`licensync-console:${token}`).digest('hex').slice(0, 32)}`;

function basicPassword(header: string): string | undefined {
  const encoded = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header)?.[1];
  if (encoded === undefined) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}
