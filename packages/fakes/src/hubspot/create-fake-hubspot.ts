import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeHubspot, FakeHubspotOptions, PortalCredentials } from './fake-hubspot.types';
import { handleRequest } from './http/handle-request';
import { createRouter } from './http/router';
import { createFaultInjector } from './limits/fault-injector';
import { createRateLimiter } from './limits/rate-limiter';
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
    handleRequest(
      {
        router,
        portalForToken: (token) => portals.get(tokens.get(token) ?? -1),
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    defaultPortal,
    addPortal,
    revokeToken: (token) => {
      tokens.delete(token);
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
