import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiRuntime } from '@licensync/api';
import { importCatalog, parseCatalogFile } from '@licensync/core/catalog';
import { createFakeHubspot } from '@licensync/fakes/hubspot';
import { createFakeStripe, createStripeSimulator, deliverStripeEvent } from '@licensync/fakes/stripe';
import { createTestEnv, settleInbox } from '@licensync/test-env';
import { createWorkerRuntime } from '@licensync/worker';
import Stripe from 'stripe';
import { expect, it } from 'vitest';
import { hubspotRecords } from '../src/hubspot-summary';
import { runBrokenPriceStep } from '../src/run-broken-price-step';
import { runDemoStory } from '../src/run-demo-story';
import { waitForHubspot } from '../src/wait-for-hubspot';

const catalogPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../examples/catalog.yaml',
);

/**
 * Handlers read what they act on from the API, so they must work whatever version the webhook
 * endpoint renders events in. stripe-node 20.3 pins the version the reference integration
 * documents (2026-01-28.clover), so the second case goes further: an endpoint on an older version
 * whose payload we treat as unknown, reduced to the object's id.
 */
const cases = [
  { name: `as rendered in ${Stripe.API_VERSION}`, apiVersion: Stripe.API_VERSION, reduce: false },
  {
    name: 'from a 2025-03-31.basil endpoint, payload reduced to ids',
    apiVersion: '2025-03-31.basil',
    reduce: true,
  },
];

it.each(cases)('plays the pnpm demo story with events $name', async ({ apiVersion, reduce }) => {
  const fake = await createFakeStripe();
  const hubspot = await createFakeHubspot();
  const env = await createTestEnv({
    STRIPE_API_BASE: fake.url,
    HUBSPOT_API_BASE: hubspot.url,
    HUBSPOT_ACCESS_TOKEN: hubspot.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
  });
  const api = await createApiRuntime(env.config, env.logger);
  const worker = await createWorkerRuntime(env.config, env.logger);
  const lines: string[] = [];
  try {
    const catalog = parseCatalogFile(await readFile(catalogPath, 'utf8'), 'catalog.yaml');
    await importCatalog({ db: api.db, workspaceId: api.workspaceId, catalog });
    const sim = createStripeSimulator(fake, { apiVersion });
    const outcome = await runDemoStory({
      sim,
      db: api.db,
      workspaceId: api.workspaceId,
      print: (line) => lines.push(line),
      async play(events) {
        expect(events.every((e) => e.api_version === apiVersion)).toBe(true);
        for (const event of events) {
          const sent = reduce
            ? { ...event, data: { object: { id: (event.data.object as { id: string }).id } } }
            : event;
          expect(
            (await deliverStripeEvent(`${api.url}/webhooks/stripe`, sent, env.config.STRIPE_WEBHOOK_SECRET))
              .status,
          ).toBe(200);
        }
        const rows = await settleInbox(
          api.db,
          events.map((e) => e.id),
        );
        expect(rows.filter((r) => r.status === 'failed').map((r) => r.lastError)).toEqual([]);
      },
    });

    expect(outcome.seats.map((l) => [l.product, l.type, l.status])).toEqual([
      ['pro', 'perpetual', 'enabled'],
      ['pro', 'perpetual', 'enabled'],
      ['pro', 'perpetual', 'enabled'],
    ]);
    expect(outcome.machines).toMatchObject([{ product: 'pro', type: 'time-limited', activations: 5 }]);
    expect(outcome.bundle.map((l) => l.product).sort()).toEqual(['pro', 'suite', 'team']);
    expect(outcome.subscription.map((l) => [l.unit, l.status])).toEqual([
      [0, 'disabled: refunded'],
      // The refund revokes every unit of the subscription, those already off included.
      [1, 'disabled: refunded'],
      [2, 'disabled: refunded'],
      [3, 'disabled: refunded'],
    ]);
    expect(lines.join('\n')).toContain('10. The subscription is cancelled');

    // Every license change of the story reached the simulated HubSpot portal on its own.
    await waitForHubspot(api.db);
    const inHubspot = hubspotRecords(hubspot, 'licensync_license');
    const margaret = inHubspot.filter((r) => r.properties.customer_email === 'margaret@example.com');
    expect(margaret.map((r) => r.properties.status)).toEqual([
      'disabled',
      'disabled',
      'disabled',
      'disabled',
    ]);
    expect(inHubspot).toHaveLength(3 + 1 + 3 + 4);
    expect(
      hubspot
        .records('contacts')
        .map((c) => c.properties.email)
        .sort(),
    ).toEqual(['ada@example.com', 'grace@example.com', 'linus@example.com', 'margaret@example.com']);

    // The story ends with one failed event on purpose, to practise replay on.
    const broken = await runBrokenPriceStep({
      sim,
      db: api.db,
      workspaceId: api.workspaceId,
      print: (line) => lines.push(line),
      async play(events) {
        for (const event of events) {
          await deliverStripeEvent(`${api.url}/webhooks/stripe`, event, env.config.STRIPE_WEBHOOK_SECRET);
        }
        await settleInbox(
          api.db,
          events.map((e) => e.id),
        );
      },
    });
    expect(broken.error).toBe(`price ${broken.priceId}: floating_cloud (5) must be ≤ max_activations (2)`);
    expect(lines.join('\n')).toContain(`waits for you as failure ${broken.failureId}`);
  } finally {
    await worker.close();
    await api.close();
    await fake.close();
    await hubspot.close();
    await env.cleanup();
  }
});
