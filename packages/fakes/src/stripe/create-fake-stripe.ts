import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { DEFAULT_STRIPE_API_VERSION } from './default-api-version.js';
import type { FakeStripeState } from './fake-stripe-state.js';
import { createRequestHandler } from './http/create-request-handler.js';
import { createFailureInjector, type FailureRule } from './http/failure-injector.js';
import { createIdempotencyCache } from './http/idempotency-cache.js';
import type { LoggedRequest } from './http/request-log.js';
import { createRouter } from './http/router.js';
import { registerRoutes } from './routes/register-routes.js';
import { createStripeSimulator, type StripeSimulator } from './sim/create-stripe-simulator.js';
import { createStripeStore } from './store/stripe-store.js';

export interface FakeStripeOptions {
  /** Default 0: a free port. */
  port?: number;
  /** `api_version` stamped on events. Default `2026-01-28.clover` (what stripe@20.3.1 pins). */
  apiVersion?: string;
  /** Unix seconds the fake's clock starts at. Default: now. */
  startTime?: number;
}

export interface FakeStripe {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The objects, API version and event listeners; for the simulator and for white-box assertions. */
  readonly state: FakeStripeState;
  /** A simulator stamping the fake's API version; see createStripeSimulator for others. */
  readonly sim: StripeSimulator;
  /** Every request so far, oldest first. */
  readonly requests: readonly LoggedRequest[];
  /** The official SDK pointed at this fake, without retries so failures surface at once. */
  stripeClient(options?: { apiKey?: string; maxNetworkRetries?: number }): Stripe;
  /** The next `count` requests (matching `rule.path`, if given) fail with `rule.status` (default 500). */
  failNext(count: number, rule?: FailureRule): void;
  /** Delay before every response, in milliseconds. 0 turns it off. */
  setLatency(ms: number): void;
  /** Calls `listener` with every event emitted from now on; returns the unsubscribe function. */
  onEvent(listener: (event: Stripe.Event) => void): () => void;
  /** Forgets all objects, events, idempotency keys, logged requests, scripted failures and latency. */
  reset(): void;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 speaking enough of Stripe's v1 API for the official SDK. */
export async function createFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const state: FakeStripeState = {
    store: createStripeStore({ startTime: options.startTime }),
    apiVersion: options.apiVersion ?? DEFAULT_STRIPE_API_VERSION,
    listeners: new Set(),
  };
  const router = createRouter();
  registerRoutes(router);
  const idempotency = createIdempotencyCache();
  const failures = createFailureInjector();
  const log: LoggedRequest[] = [];
  let latencyMs = 0;

  const handler = createRequestHandler({
    state,
    router,
    idempotency,
    failures,
    log,
    latencyMs: () => latencyMs,
  });
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = '127.0.0.1';

  const fake: FakeStripe = {
    url: `http://${host}:${port}`,
    host,
    port,
    state,
    sim: createStripeSimulator({ state }),
    requests: log,
    stripeClient: (clientOptions = {}) =>
      new Stripe(clientOptions.apiKey ?? 'sk_test_fake', {
        host,
        port,
        protocol: 'http',
        maxNetworkRetries: clientOptions.maxNetworkRetries ?? 0,
      }),
    failNext: (count, rule) => failures.failNext(count, rule),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    onEvent(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    reset() {
      state.store.reset();
      idempotency.clear();
      failures.clear();
      log.length = 0;
      latencyMs = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}
