import { saveStripeConnection } from '@licensync/core/connections';
import { createDb } from '@licensync/core/db';
import { createSecretBoxFromConfig } from '@licensync/core/secrets';
import { createStripeClient } from '@licensync/core/stripe';
import { createWorkspace, ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createFakeStripe, type FakeStripe } from '@licensync/fakes/stripe';
import { createTestEnv, type TestEnv } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceStripe } from '../src/clients/create-workspace-stripe';

let env: TestEnv;
let fake: FakeStripe;
let handle: ReturnType<typeof createDb>;

beforeAll(async () => {
  fake = await createFakeStripe();
  env = await createTestEnv({ STRIPE_API_BASE: fake.url });
  handle = createDb(env.config.DATABASE_URL, { max: 2 });
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
  await fake.close();
});

describe('createWorkspaceStripe', () => {
  it("reads Stripe with the workspace's own key, else STRIPE_API_KEY, and follows a key change", async () => {
    const { db } = handle;
    const secrets = createSecretBoxFromConfig(env.config);
    const fallback = createStripeClient({ apiKey: env.config.STRIPE_API_KEY, apiBase: fake.url });
    const stripeFor = createWorkspaceStripe({ config: env.config, db, secrets, fallback });
    const def = await ensureDefaultWorkspace(db);
    const live = await createWorkspace(db, { slug: 'live', name: 'Live' });
    await saveStripeConnection(db, live.id, { apiKey: secrets.seal('sk_live_workspace_key') });

    const keyOfLastRequest = () => fake.requests.at(-1)?.apiKey;
    await (await stripeFor(def.id)).customers.list({ limit: 1 });
    expect(keyOfLastRequest()).toBe(env.config.STRIPE_API_KEY);
    await (await stripeFor(live.id)).customers.list({ limit: 1 });
    expect(keyOfLastRequest()).toBe('sk_live_workspace_key');
    expect(await stripeFor(live.id)).toBe(await stripeFor(live.id));

    await saveStripeConnection(db, live.id, { apiKey: secrets.seal('sk_live_rotated_key') });
    await (await stripeFor(live.id)).customers.list({ limit: 1 });
    expect(keyOfLastRequest()).toBe('sk_live_rotated_key');
  });
});
