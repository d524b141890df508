import * as schema from '@licensync/core/schema';
import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { eq } from 'drizzle-orm';
import type { Router } from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../src/app-deps';
import { catalogCardsRoute } from '../src/hubspot/cards/catalog-cards.route';
import { dealCardsRoute } from '../src/hubspot/cards/deal-cards.route';
import { licenseCardsRoute } from '../src/hubspot/cards/license-cards.route';
import { orderCardsRoute } from '../src/hubspot/cards/order-cards.route';
import { recordCardsRoute } from '../src/hubspot/cards/record-cards.route';
import {
  CARD_CATALOG,
  CLIENT_SECRET,
  cardFetch,
  connectPortal,
  PORTAL,
} from './support/hubspot-cards-fixtures';
import { type ApiStack, startApi } from './support/start-api';

// A card answer must never wait on HubSpot: with the portal's rate limiter paused (as after a 429)
// and HubSpot itself answering only after a minute, every card endpoint still answers, from Postgres,
// and HubSpot is not called at all; the writes wait in the outbox.
let stack: ApiStack;
let fake: FakeHubspot;
let redis: Redis;

beforeAll(async () => {
  fake = await createFakeHubspot({ latencyMs: 60_000 });
  stack = await startApi({ HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, HUBSPOT_API_BASE: fake.url });
  expect((await stack.call('POST', '/catalog/import', CARD_CATALOG)).status).toBe(200);
  await connectPortal(stack.api.db, stack.api.workspaceId, PORTAL);
  redis = new Redis(stack.env.config.REDIS_URL);
  // The key the worker's per-portal limiter (packages/hubspot) reads before every call.
  await redis.set(`${stack.env.config.QUEUE_PREFIX}:hubspot-rate:${PORTAL}:pause`, '1', 'PX', 600_000);
});
afterAll(async () => {
  redis.disconnect();
  await stack.close();
  await fake.close();
});

/** Every route of the card routers, as `METHOD path`, so a new endpoint cannot skip this test. */
function cardRoutes(): string[] {
  const deps = { config: {}, redis: {} } as AppDeps;
  const routers: Router[] = [
    catalogCardsRoute(deps),
    orderCardsRoute(deps),
    recordCardsRoute(deps),
    licenseCardsRoute(deps),
    dealCardsRoute(deps),
  ];
  return routers.flatMap((r) =>
    r.stack.flatMap((layer) => {
      const route = layer.route as { path: string; methods?: Record<string, boolean> } | undefined;
      return route ? Object.keys(route.methods ?? {}).map((m) => `${m.toUpperCase()} ${route.path}`) : [];
    }),
  );
}

describe('every card endpoint while the portal is paused', () => {
  it('answers each one without calling HubSpot', async () => {
    const card = cardFetch(stack);
    const products = await card('/products');
    const pro = products.body.products.find((p: { shortCode: string }) => p.shortCode === 'pro');
    const order = await card('/orders', {
      method: 'POST',
      body: {
        objectType: 'contact',
        objectId: '11',
        record: { email: 'paused@example.com' },
        productId: pro.id,
        quantity: 1,
      },
    });
    const license = order.body.licenses[0].id;
    const customerId = order.body.customer.id;
    const sync = await card('/records/contact/11/sync', { method: 'POST' });
    const calls: Record<string, () => ReturnType<typeof card>> = {
      'GET /products': () => card('/products'),
      'GET /products/:productId/policies': () => card(`/products/${pro.id}/policies`),
      'POST /orders': () =>
        card('/orders', {
          method: 'POST',
          body: {
            objectType: 'contact',
            objectId: '11',
            record: { email: 'paused@example.com' },
            productId: pro.id,
            quantity: 1,
          },
        }),
      'GET /records/:objectType/:objectId/licenses': () => card('/records/contact/11/licenses'),
      'GET /records/:objectType/:objectId/similar-customers': () =>
        card('/records/contact/12/similar-customers?email=paused%40example.com'),
      'PUT /records/:objectType/:objectId/connection': () =>
        card('/records/contact/11/connection', {
          method: 'PUT',
          body: { customerId, record: { email: 'paused@example.com' } },
        }),
      'DELETE /records/:objectType/:objectId/connection': () =>
        card('/records/contact/13/connection', { method: 'DELETE' }),
      'POST /records/:objectType/:objectId/sync': () => card('/records/contact/11/sync', { method: 'POST' }),
      'GET /syncs/:syncId': () => card(`/syncs/${sync.body.syncId}`),
      'GET /licenses/:licenseId': () => card(`/licenses/${license}`),
      'PATCH /licenses/:licenseId': () =>
        card(`/licenses/${license}`, { method: 'PATCH', body: { maxActivations: 4 } }),
      'POST /licenses/:licenseId/features': () =>
        card(`/licenses/${license}/features`, { method: 'POST', body: { code: 'export' } }),
      'DELETE /licenses/:licenseId/features/:code': () =>
        card(`/licenses/${license}/features/export`, { method: 'DELETE' }),
      'PUT /licenses/:licenseId/custom-fields/:name': () =>
        card(`/licenses/${license}/custom-fields/tier`, { method: 'PUT', body: { value: 'gold' } }),
      // No worker here: the association read stays queued, and the card is told to poll.
      'GET /deals/:dealId/licenses': () => card('/deals/77/licenses'),
    };
    expect(Object.keys(calls).sort()).toEqual(cardRoutes().sort());
    const expected: Record<string, number> = {
      'POST /orders': 201,
      'POST /records/:objectType/:objectId/sync': 202,
      'POST /licenses/:licenseId/features': 201,
      // Contact 13 was never connected: the answer is the not-connected one, still immediate.
      'DELETE /records/:objectType/:objectId/connection': 404,
    };
    expect([order.status, sync.status]).toEqual([201, 202]);
    for (const [route, call] of Object.entries(calls)) {
      const res = await call();
      expect({ route, status: res.status }).toEqual({ route, status: expected[route] ?? 200 });
    }
    expect(fake.requests()).toEqual([]);
    const intents = await stack.api.db
      .select()
      .from(schema.syncOutbox)
      .where(eq(schema.syncOutbox.objectId, license));
    expect(intents.map((i) => i.status)).toEqual(['pending']);
  });
});
