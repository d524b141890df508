import type { FailNextOptions } from './limits/fault-injector';
import type { RateLimitSettings } from './limits/rate-limiter';
import type { LoggedRequest } from './request-log';
import type { AssociationEdge, CrmRecord, CustomObjectSchema, PropertyDefinition } from './store/crm-types';
import type { CallbackCompletion } from './store/portal-store';

export interface PortalCredentials {
  portalId: number;
  token: string;
}

export interface FakeHubspotOptions {
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** The portal every test gets (default `{ portalId: 12345678, token: 'fake-hubspot-token' }`). */
  defaultPortal?: PortalCredentials;
  /** Overrides of the per-portal rate limits (default: 190 per 10 s, 1,000,000/day, search 5/s). */
  rateLimit?: Partial<RateLimitSettings>;
  /** Delay before every response, in ms (default 0). */
  latencyMs?: number;
  /** How long a new record stays invisible to search, in ms (default 0). */
  searchLagMs?: number;
}

export interface FakeHubspot {
  /** Pass as `basePath` to `new Client({ accessToken, basePath })`. */
  readonly url: string;
  readonly defaultPortal: PortalCredentials;
  /** Registers a portal (or another token for an existing one); state is per portal. */
  addPortal(portal: PortalCredentials): PortalCredentials;
  /** The token stops working (every request answers 401), as when an app is uninstalled; `addPortal` restores it. */
  revokeToken(token: string): void;
  /** The OAuth server: `/oauth/authorize`, `/oauth/v1|v3/token`, `/oauth/v3/token/revoke`, token info. */
  readonly oauth: FakeHubspotOauth;
  close(): Promise<void>;
  /** Back to the state right after creation: portals, data, log, knobs and rate windows. */
  reset(): void;

  /** Custom object schemas (spec `ObjectSchema`, with properties), archived ones included. */
  schemas(portalId?: number): Array<CustomObjectSchema & { properties: PropertyDefinition[] }>;
  properties(objectType: string, portalId?: number): PropertyDefinition[];
  /** Records of a type (name, `0-x`, `2-x` or fully qualified name); archived ones only when asked. */
  records(objectType: string, options?: { portalId?: number; includeArchived?: boolean }): CrmRecord[];
  /** Every directed association (each link appears once per direction). */
  associations(portalId?: number): AssociationEdge[];
  /** Workflow-action callbacks completed (`POST /automation/v4/actions/callbacks/…/complete`), oldest first. */
  callbackCompletions(portalId?: number): CallbackCompletion[];
  requests(): LoggedRequest[];
  /** How many requests hit an endpoint: `'POST /crm/v3/objects/{objectType}/batch/upsert'` or a RegExp. */
  calls(endpoint: string | RegExp): number;
  callCounts(): Record<string, number>;

  /** The next `count` matching requests answer a 5xx. */
  failNext(count: number, options?: FailNextOptions): void;
  /** The next `count` matching requests answer a TEN_SECONDLY_ROLLING 429 (a "429 storm"). */
  force429(count: number, options?: { path?: RegExp }): void;
  setLatency(ms: number): void;
  setSearchLag(ms: number): void;
  /**
   * Batch upsert/update answer one invalid input with a 400 for the whole request, writing nothing
   * (as HubSpot does for some validation failures), instead of a 207 naming the input. Default off.
   */
  failBatchOnInvalid(on: boolean): void;
  /** Changes the rate limits; `false` switches the burst limit off. */
  rateLimit(settings: Partial<RateLimitSettings> | false): void;
}

export interface FakeHubspotOauth {
  /** A public app whose client id and secret the token endpoints accept. */
  registerApp(app: { clientId: string; clientSecret: string }): void;
  /** Use as HUBSPOT_AUTHORIZE_URL; the fake user approves at once (add `portal_id` to pick the portal). */
  authorizeUrl(): string;
  /** Lifetime of access tokens issued from now on (default 1800 s, as HubSpot's). */
  setAccessTokenTtl(seconds: number): void;
  /** Grant type of every successful token request, oldest first. */
  grants(): string[];
  /** The portal's live refresh tokens. */
  refreshTokensOf(portalId?: number): string[];
  /** The app is uninstalled from the portal: its refresh and access tokens stop working. */
  uninstall(portalId?: number): void;
}
