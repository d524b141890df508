import { createHash, randomBytes } from 'node:crypto';
import { isOperatorKeyLive } from '@licensync/core/operator-keys';
import type { OperatorKeyScope } from '@licensync/core/schema';
import type { AppDeps } from '../app-deps';
import { adminCredential } from '../middleware/authenticate-operator';

export interface ConsoleSession {
  /** Written to the history, as for the admin API: `admin-token` or `key:<name>`. */
  actor: string;
  scope: OperatorKeyScope;
  /** What signed in (`key:<id>` or `admin:<fingerprint>`), checked again on every request. */
  credential: string;
  /** Sent back with every form and write; compared to this before anything changes. */
  csrf: string;
  /** The workspace the pages show, switched on the Workspaces page. */
  workspaceId: string;
  /** Shown once on the next page, after a write redirected there. */
  notice?: string | undefined;
}

/** How long a console sign-in lasts without use; each request renews it. */
export const SESSION_TTL_S = 8 * 3600;

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Console sessions in Redis, shared by every api process. The cookie holds a random id; Redis
 * holds only its hash, so a leaked Redis dump cannot be replayed as a cookie. A session lives only
 * as long as what signed it in: a revoked key, or an ADMIN_TOKEN since changed, ends it on its
 * next request (it is deleted, and the browser is sent to sign-in).
 */
export function createConsoleSessionStore(deps: Pick<AppDeps, 'redis' | 'config' | 'db'>) {
  const keyOf = (id: string) => `${deps.config.QUEUE_PREFIX}:console-session:${hash(id)}`;
  const admin = adminCredential(deps.config.ADMIN_TOKEN);
  const stillLive = async (credential: unknown): Promise<boolean> => {
    if (typeof credential !== 'string') return false;
    if (credential.startsWith('admin:')) return credential === admin;
    if (credential.startsWith('key:')) return isOperatorKeyLive(deps.db, credential.slice(4));
    return false;
  };
  return {
    /** The session cookie's attributes, shared by sign-in and the renewal on each request. */
    cookie: {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.config.PUBLIC_URL.startsWith('https:'),
      path: '/console',
    },
    async create(session: Omit<ConsoleSession, 'csrf'>): Promise<{ id: string; session: ConsoleSession }> {
      const id = randomBytes(32).toString('base64url');
      const full = { ...session, csrf: randomBytes(24).toString('base64url') };
      await deps.redis.set(keyOf(id), JSON.stringify(full), 'EX', SESSION_TTL_S);
      return { id, session: full };
    },
    async read(id: string): Promise<ConsoleSession | null> {
      const raw = await deps.redis.get(keyOf(id));
      if (!raw) return null;
      const session = JSON.parse(raw) as ConsoleSession;
      if (!(await stillLive(session.credential))) {
        await deps.redis.del(keyOf(id));
        return null;
      }
      await deps.redis.expire(keyOf(id), SESSION_TTL_S);
      return session;
    },
    async save(id: string, session: ConsoleSession): Promise<void> {
      await deps.redis.set(keyOf(id), JSON.stringify(session), 'EX', SESSION_TTL_S);
    },
    async destroy(id: string): Promise<void> {
      await deps.redis.del(keyOf(id));
    },
  };
}

export type ConsoleSessionStore = ReturnType<typeof createConsoleSessionStore>;
