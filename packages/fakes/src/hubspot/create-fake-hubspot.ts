import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeHubspot, FakeHubspotOptions, PortalCredentials } from './fake-hubspot.types';
import { handleRequest } from './http/handle-request';
import { readBody } from './http/read-body';
import { createRouter } from './http/router';
import { createFaultInjector } from './limits/fault-injector';
import { createRateLimiter } from './limits/rate-limiter';
import { handleOauthRequest } from './oauth/handle-oauth-request';
import { createOauthStore } from './oauth/oauth-store';
import { createRequestLog } from './request-log';
import { ALL_ROUTES } from './routes/all-routes';
import { createIdSequences } from './store/id-sequences';
import { createPortalStore, type PortalStore } from './store/portal-store';
import { toObjectSchema } from './store/to-object-schema';

const DEFAULT_PORTAL: PortalCredentials = { portalId: 12345678, token: 'fake-hubspot-token' };

/** Starts a stateful HubSpot look-alike on 127.0.0.1 for the official SDK to talk to. */
export async function createFakeHubspot(options: FakeHubspotOptions = {}): Promise<FakeHubspot> {
  const defaultPortal = options.defaultPortal ?? DEFAULT_PORTAL;
  let ids = createIdSequences();
  const portals = new Map<number, PortalStore>();
  const tokens = new Map<string, number>();
  // OAuth access tokens stop working at their expiry, as HubSpot's do; static tokens never expire.
  const tokenExpiry = new Map<string, number>();
  const oauth = createOauthStore({
    accept(token, portalId, expiresAtMs) {
      tokens.set(token, portalId);
      tokenExpiry.set(token, expiresAtMs);
    },
    drop(token) {
      tokens.delete(token);
      tokenExpiry.delete(token);
    },
  });
  const limiter = createRateLimiter(options.rateLimit);
  const faults = createFaultInjector();
  const log = createRequestLog();
  let latencyMs = options.latencyMs ?? 0;
  let searchLagMs = options.searchLagMs ?? 0;
  let failBatchOnInvalid = false;

  const addPortal = (p: PortalCredentials) => {
    if (!portals.has(p.portalId)) portals.set(p.portalId, createPortalStore(p.portalId, ids));
    tokens.set(p.token, p.portalId);
    return p;
  };
  const portal = (portalId = defaultPortal.portalId) => {
    const store = portals.get(portalId);
    if (!store) throw new Error(`fake-hubspot: no portal ${portalId}`);
    return store;
  };
  addPortal(defaultPortal);

  const router = createRouter(ALL_ROUTES);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.hubspot');
    if (url.pathname.startsWith('/oauth/')) {
      void serveOauth(req, res, url);
      return;
    }
    handleRequest(
      {
        router,
        portalForToken: (token) =>
          (tokenExpiry.get(token) ?? Number.POSITIVE_INFINITY) > Date.now()
            ? portals.get(tokens.get(token) ?? -1)
            : undefined,
        limiter,
        faults,
        log,
        latencyMs: () => latencyMs,
        searchLagMs: () => searchLagMs,
        failBatchOnInvalid: () => failBatchOnInvalid,
      },
      req,
      res,
    ).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  async function serveOauth(req: IncomingMessage, res: ServerResponse, url: URL) {
    try {
      const text = await readBody(req);
      const answer = await handleOauthRequest(oauth, defaultPortal.portalId, req, url, text);
      const { status, body, headers } = answer ?? { status: 404 };
      // The form body holds client secrets and tokens: logged as its field names only.
      log.add({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: {},
        status,
        body: [...new URLSearchParams(text).keys()],
        responseBody: undefined,
        at: new Date(),
      });
      const json = body !== undefined && typeof body !== 'string';
      res.writeHead(status, { ...(json && { 'content-type': 'application/json' }), ...headers });
      res.end(body === undefined ? undefined : json ? JSON.stringify(body) : body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    defaultPortal,
    addPortal,
    revokeToken: (token) => {
      tokens.delete(token);
    },
    oauth: {
      registerApp: (app) => void oauth.apps.set(app.clientId, app),
      authorizeUrl: () => `http://127.0.0.1:${port}/oauth/authorize`,
      setAccessTokenTtl: (seconds) => oauth.setAccessTtl(seconds),
      grants: () => [...oauth.grants],
      refreshTokensOf: (portalId = defaultPortal.portalId) => oauth.refreshTokensOf(portalId),
      uninstall: (portalId = defaultPortal.portalId) => {
        for (const refresh of oauth.refreshTokensOf(portalId)) oauth.revoke(refresh);
      },
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    reset() {
      ids = createIdSequences();
      portals.clear();
      tokens.clear();
      tokenExpiry.clear();
      oauth.reset();
      addPortal(defaultPortal);
      limiter.reset();
      faults.reset();
      log.clear();
      latencyMs = options.latencyMs ?? 0;
      searchLagMs = options.searchLagMs ?? 0;
      failBatchOnInvalid = false;
    },
    schemas: (portalId) => {
      const store = portal(portalId);
      return [...store.schemas.values()].map((s) => toObjectSchema(store, s));
    },
    properties: (objectType, portalId) => {
      const store = portal(portalId);
      return [...store.propertiesOf(store.resolveObjectType(objectType)).values()];
    },
    records: (objectType, { portalId, includeArchived = false } = {}) => {
      const store = portal(portalId);
      return [...store.recordsOf(store.resolveObjectType(objectType)).values()]
        .filter((r) => includeArchived || !r.archived)
        .map((r) => structuredClone(r));
    },
    associations: (portalId) => portal(portalId).allEdges(),
    callbackCompletions: (portalId) => portal(portalId).callbackCompletions.map((c) => structuredClone(c)),
    requests: () => log.all(),
    calls: (endpoint) => log.count(endpoint),
    callCounts: () => log.counts(),
    failNext: (count, failOptions) => faults.failNext(count, failOptions),
    force429: (count, forceOptions) => faults.force429(count, forceOptions),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setSearchLag: (ms) => {
      searchLagMs = ms;
    },
    failBatchOnInvalid: (on) => {
      failBatchOnInvalid = on;
    },
    rateLimit: (settings) => limiter.configure(settings === false ? { maxRequestsPer10s: null } : settings),
  };
}
