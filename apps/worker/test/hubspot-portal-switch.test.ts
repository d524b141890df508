import { enqueueSyncIntent, ensureDefaultWorkspace, getHubspotConnection, schema } from '@licensync/core';
import {
  createFakeHubspot,
  createTestEnv,
  eventually,
  type FakeHubspot,
  type TestEnv,
} from '@licensync/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRuntime, type WorkerRuntime } from '../src/create-worker-runtime';
import { intentCounts, seedCustomers, seedLicenses, seedProduct } from './hubspot-fixtures';

let fake: FakeHubspot;
let env: TestEnv;
let runtime: WorkerRuntime;
let workspaceId: string;
let customerIds: string[];
const portalB = { portalId: 888_000, token: 'fake-hubspot-token-portal-b' };

const settled = () =>
  eventually(async () => {
    const counts = await intentCounts(runtime.db);
    return !counts.pending && !counts.processing ? counts : undefined;
  }, 20_000);

/** Every value under an `id` key, at any depth: the record ids a request names. */
const idsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'id' && typeof v === 'string' ? [v] : idsIn(v)));
};

beforeAll(async () => {
  fake = await createFakeHubspot();
  env = await createTestEnv({
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
  });
  runtime = await createWorkerRuntime(env.config, env.logger);
  workspaceId = (await ensureDefaultWorkspace(runtime.db)).id;
  const productId = await seedProduct(runtime.db, workspaceId);
  customerIds = await seedCustomers(runtime.db, workspaceId, 10, { companyEvery: 5 });
  await seedLicenses(runtime.db, workspaceId, { productId, customerIds, n: 20 });
  await settled();
});
afterAll(async () => {
  await runtime.close();
  await env.cleanup();
  await fake.close();
});

describe('the workspace’s token changes to another portal', () => {
  it('fills the new portal with its own records, leaves the old one alone and never sends it the old ids', async () => {
    const typeA = (await getHubspotConnection(runtime.db, workspaceId))!.objectTypeIds.licenses!;
    const portalA = () => ['0-1', '0-2', typeA].map((t) => fake.records(t));
    const before = portalA();
    expect(before.map((records) => records.length)).toEqual([10, 2, 20]);
    const idsOfA = new Set(before.flat().map((r) => r.id));

    fake.addPortal(portalB);
    await runtime.close();
    runtime = await createWorkerRuntime({ ...env.config, HUBSPOT_ACCESS_TOKEN: portalB.token }, env.logger);
    const connection = (await getHubspotConnection(runtime.db, workspaceId))!;
    expect(connection.portalId).toBe(String(portalB.portalId));
    // A change right after the switch: it must reach portal B as a new contact, not an update of A's.
    await runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.customers)
        .set({ name: 'Ada Renamed' })
        .where(eq(schema.customers.id, customerIds[1]!));
      await enqueueSyncIntent(tx, workspaceId, 'customer', [customerIds[1]!]);
    });
    const counts = await settled();
    expect(counts.failed).toBeUndefined();

    const inB = { portalId: portalB.portalId };
    const typeB =
      connection.objectTypeIds.licenses ??
      (await getHubspotConnection(runtime.db, workspaceId))!.objectTypeIds.licenses!;
    expect(fake.records(typeB, inB)).toHaveLength(20);
    expect(fake.records('0-1', inB)).toHaveLength(10);
    expect(fake.records('0-2', inB)).toHaveLength(2);
    expect(fake.records('0-1', inB).map((c) => c.properties.lastname)).toContain('Renamed');
    const edges = fake.associations(portalB.portalId).filter((e) => e.fromObjectTypeId === typeB);
    expect(edges.filter((e) => e.toObjectTypeId === '0-1')).toHaveLength(20);

    expect(portalA()).toEqual(before);
    const sentToB = fake.requests().filter((r) => r.portalId === portalB.portalId);
    const leaked = sentToB
      .flatMap((r) => [...idsIn(r.body), ...r.path.split('/')])
      .filter((id) => idsOfA.has(id));
    expect(leaked).toEqual([]);
  });
});
