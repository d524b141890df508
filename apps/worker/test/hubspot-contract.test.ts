import { ensureDefaultWorkspace } from '@licensync/core';
import {
  createFakeHubspot,
  createTestEnv,
  eventually,
  type FakeHubspot,
  loadHubspotContract,
  type TestEnv,
} from '@licensync/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerRuntime, type WorkerRuntime } from '../src/create-worker-runtime';
import { intentCounts, seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';

const contract = loadHubspotContract();
if (!contract.specsPresent) {
  console.warn(`HubSpot contract check of the sync engine skipped: no OpenAPI specs in ${contract.specsDir}`);
}

/** Endpoints we call that the checked-in spec snapshot does not describe. */
const NOT_IN_SPECS = [
  // Account info (portal id of a static token) is in HubSpot's account API, not in the snapshot.
  'GET /account-info/v3/details',
];

let fake: FakeHubspot;
let env: TestEnv;
let runtime: WorkerRuntime;
beforeAll(async () => {
  fake = await createFakeHubspot();
  env = await createTestEnv({
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
  });
  runtime = await createWorkerRuntime(env.config, env.logger);
});
afterAll(async () => {
  await runtime.close();
  await env.cleanup();
  await fake.close();
});

it.skipIf(!contract.specsPresent)(
  'every request the sync engine makes is one HubSpot’s OpenAPI specs accept',
  async () => {
    const workspaceId = (await ensureDefaultWorkspace(runtime.db)).id;
    const productId = await seedProduct(runtime.db, workspaceId);
    const customerIds = await seedCustomers(runtime.db, workspaceId, 12, { companyEvery: 3 });
    await seedLicenses(runtime.db, workspaceId, { productId, customerIds, n: 40 });
    await eventually(async () => {
      const counts = await intentCounts(runtime.db);
      return !counts.pending && !counts.processing && counts.done ? counts : undefined;
    }, 30_000);

    const accepted = fake
      .requests()
      .filter((r) => r.status < 300 && !NOT_IN_SPECS.includes(r.endpoint ?? ''));
    const problems = accepted
      .map((r) => ({ request: `${r.method} ${r.path}`, ...contract.check(r) }))
      .filter((c) => c.errors.length > 0);
    // Schema deployment, upserts of three kinds and associations at least.
    expect(new Set(accepted.map((r) => r.endpoint)).size).toBeGreaterThanOrEqual(6);
    expect(problems).toEqual([]);
  },
);
