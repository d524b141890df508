import { randomBytes } from 'node:crypto';

export interface OauthApp {
  clientId: string;
  clientSecret: string;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  portalId: number;
  scopes: string[];
  expiresAtMs: number;
  used: boolean;
}

interface RefreshGrant {
  clientId: string;
  portalId: number;
  scopes: string[];
  revoked: boolean;
  accessTokens: Set<string>;
}

/** Where the store hands issued access tokens to the CRM side, which checks them on every call. */
export interface TokenSink {
  accept(token: string, portalId: number, expiresAtMs: number): void;
  drop(token: string): void;
}

const token = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;

/** Apps, codes, refresh tokens and access tokens of the fake's OAuth server. */
export function createOauthStore(sink: TokenSink) {
  const apps = new Map<string, OauthApp>();
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<string, RefreshGrant>();
  const accessTokens = new Map<string, { portalId: number; expiresAtMs: number; refreshToken: string }>();
  const grants: string[] = [];
  let accessTtlS = 1800;

  function issueAccess(refreshToken: string, grant: RefreshGrant) {
    const access = token('oauth-access');
    const expiresAtMs = Date.now() + accessTtlS * 1000;
    accessTokens.set(access, { portalId: grant.portalId, expiresAtMs, refreshToken });
    grant.accessTokens.add(access);
    sink.accept(access, grant.portalId, expiresAtMs);
    return { access, expiresIn: accessTtlS };
  }

  return {
    apps,
    codes,
    accessTokens,
    /** Every successful token request's grant type, oldest first. */
    grants,
    setAccessTtl(seconds: number) {
      accessTtlS = seconds;
    },
    /** A code as HubSpot issues it after the user approved: single use, valid 5 minutes. */
    issueCode(input: Omit<CodeGrant, 'expiresAtMs' | 'used'>): string {
      const code = token('code');
      codes.set(code, { ...input, expiresAtMs: Date.now() + 300_000, used: false });
      return code;
    },
    /** Consumes a code; undefined when unknown, used, expired or issued to another client or redirect. */
    redeemCode(code: string, clientId: string, redirectUri: string) {
      const grant = codes.get(code);
      if (!grant || grant.used || grant.expiresAtMs < Date.now()) return undefined;
      grant.used = true;
      if (grant.clientId !== clientId || grant.redirectUri !== redirectUri) return undefined;
      const refresh = token('oauth-refresh');
      const refreshGrant: RefreshGrant = { ...grant, revoked: false, accessTokens: new Set() };
      refreshTokens.set(refresh, refreshGrant);
      grants.push('authorization_code');
      return { refresh, grant: refreshGrant, ...issueAccess(refresh, refreshGrant) };
    },
    refresh(refreshToken: string, clientId: string) {
      const grant = refreshTokens.get(refreshToken);
      if (!grant || grant.revoked || grant.clientId !== clientId) return undefined;
      grants.push('refresh_token');
      return { refresh: refreshToken, grant, ...issueAccess(refreshToken, grant) };
    },
    /** As when the app is uninstalled: the refresh token and every access token from it stop working. */
    revoke(refreshToken: string): boolean {
      const grant = refreshTokens.get(refreshToken);
      if (!grant) return false;
      grant.revoked = true;
      for (const access of grant.accessTokens) {
        accessTokens.delete(access);
        sink.drop(access);
      }
      return true;
    },
    refreshTokensOf(portalId: number): string[] {
      return [...refreshTokens].filter(([, g]) => g.portalId === portalId && !g.revoked).map(([t]) => t);
    },
    reset() {
      apps.clear();
      codes.clear();
      refreshTokens.clear();
      accessTokens.clear();
      grants.length = 0;
      accessTtlS = 1800;
    },
  };
}

export type OauthStore = ReturnType<typeof createOauthStore>;
