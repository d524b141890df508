import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../app-deps';

export interface OauthStateRecord {
  /** SHA-256 of the browser session cookie that started the install. */
  sessionHash: string;
  workspaceId: string;
  workspaceSlug: string;
  allowPortalSwitch: boolean;
}

/** How long an install may take between our redirect and HubSpot's callback. */
const STATE_TTL_S = 600;

export const hashSession = (session: string) => createHash('sha256').update(session).digest('hex');

/**
 * Single-use OAuth `state` values in Redis, shared by every api process. `take` reads and deletes in
 * one command (GETDEL), so a state is honoured at most once even when two callbacks race.
 */
export function createOauthStateStore(deps: Pick<AppDeps, 'redis' | 'config'>) {
  const keyOf = (state: string) => `${deps.config.QUEUE_PREFIX}:hubspot-oauth-state:${state}`;
  return {
    async issue(record: OauthStateRecord): Promise<string> {
      const state = randomBytes(32).toString('base64url');
      await deps.redis.set(keyOf(state), JSON.stringify(record), 'EX', STATE_TTL_S);
      return state;
    },
    async take(state: string): Promise<OauthStateRecord | null> {
      const raw = await deps.redis.getdel(keyOf(state));
      return raw ? (JSON.parse(raw) as OauthStateRecord) : null;
    },
  };
}
