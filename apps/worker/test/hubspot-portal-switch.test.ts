import { enqueueSyncIntent } from '@licensync/core/outbox';
import * as schema from '@licensync/core/schema';
import { getHubspotConnection } from '@licensync/hubspot';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let customerIds: string[];
const portalB = { portalId: 888_000, token: 'fake-hubspot-token-portal-b' };

/** Every value under an `id` key, at any depth: the record ids a request names. */
const idsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'id' && typeof v === 'string' ? [v] : idsIn(v)));
};

beforeAll(async () => {
  stack = await startHubspotStack();
  ({ customerIds } = await stack.seed({ customers: 10, companyEvery: 5, licenses: 20 }));
  await stack.settled();
});
afterAll(() => stack.close());

describe('the workspace’s token changes to another portal', () => {
  it('fills the new portal with its own records, leaves the old one alone and never sends it the old ids', async () => {
    const typeA = (await getHubspotConnection(stack.runtime.db, stack.workspaceId))!.objectTypeIds.licenses!;
    const portalA = () => ['0-1', '0-2', typeA].map((t) => stack.fake.records(t));
    const before = portalA();
    expect(before.map((records) => records.length)).toEqual([10, 2, 20]);
    const idsOfA = new Set(before.flat().map((r) => r.id));

    stack.fake.addPortal(portalB);
    await stack.restart({ HUBSPOT_ACCESS_TOKEN: portalB.token });
    const connection = (await getHubspotConnection(stack.runtime.db, stack.workspaceId))!;
    expect(connection.portalId).toBe(String(portalB.portalId));
    // A change right after the switch: it must reach portal B as a new contact, not an update of A's.
    await stack.runtime.db.transaction(async (tx) => {
      await tx
        .update(schema.customers)
        .set({ name: 'Ada Renamed' })
        .where(eq(schema.customers.id, customerIds[1]!));
      await enqueueSyncIntent(tx, stack.workspaceId, 'customer', [customerIds[1]!]);
    });
    const counts = await stack.settled();
    expect(counts.failed).toBeUndefined();

    const inB = { portalId: portalB.portalId };
    const typeB =
      connection.objectTypeIds.licenses ??
      (await getHubspotConnection(stack.runtime.db, stack.workspaceId))!.objectTypeIds.licenses!;
    expect(stack.fake.records(typeB, inB)).toHaveLength(20);
    expect(stack.fake.records('0-1', inB)).toHaveLength(10);
    expect(stack.fake.records('0-2', inB)).toHaveLength(2);
    expect(stack.fake.records('0-1', inB).map((c) => c.properties.lastname)).toContain('Renamed');
    const edges = stack.fake.associations(portalB.portalId).filter((e) => e.fromObjectTypeId === typeB);
    expect(edges.filter((e) => e.toObjectTypeId === '0-1')).toHaveLength(20);

    expect(portalA()).toEqual(before);
    const sentToB = stack.fake.requests().filter((r) => r.portalId === portalB.portalId);
    const leaked = sentToB
      .flatMap((r) => [...idsIn(r.body), ...r.path.split('/')])
      .filter((id) => idsOfA.has(id));
    expect(leaked).toEqual([]);
  });
});
