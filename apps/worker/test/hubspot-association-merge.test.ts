import { eventually } from '@licensync/test-env';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { intentCounts, seedLicenses } from './hubspot-fixtures';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

// Five batches of one claim send their association pairs together: a batch of 100 licenses has
// only ~20 company pairs, so per-batch calls would send five calls where one does.
let stack: HubspotStack;
beforeAll(async () => {
  stack = await startHubspotStack();
});
afterAll(() => stack.close());

const drained = (kind: string, done: number) =>
  eventually(async () => {
    const counts = await intentCounts(stack.runtime.db, kind);
    return counts.done === done && !counts.pending && !counts.processing ? counts : undefined;
  }, 60_000);
const associationCalls = (from: string, to: string) =>
  stack.fake
    .requests()
    .filter((r) => r.path === `/crm/v4/associations/${from}/${to}/batch/associate/default`);

it('associates 500 customers and their 500 licenses in full calls of up to 100 pairs', async () => {
  const { productId, customerIds } = await stack.seed({ customers: 500, companyEvery: 5 });
  await drained('customer', 500);
  // 100 company customers: one contact → company call, not one per batch of 100 customers.
  expect(associationCalls('0-1', '0-2')).toHaveLength(1);
  expect(stack.fake.associations().filter((e) => e.fromObjectTypeId === '0-1')).toHaveLength(100);

  await seedLicenses(stack.runtime.db, stack.workspaceId, { productId, customerIds, n: 500 });
  await drained('license', 500);
  const licenseType = (await stack.objectTypeIds()).licenses!;
  const toContact = associationCalls(licenseType, '0-1');
  const toCompany = associationCalls(licenseType, '0-2');
  expect(toContact).toHaveLength(5);
  expect(toCompany).toHaveLength(1);
  const inputs = (calls: typeof toContact) =>
    calls.map((c) => (c.body as { inputs: unknown[] }).inputs.length).sort((a, b) => b - a);
  expect(inputs(toContact)).toEqual([100, 100, 100, 100, 100]);
  expect(inputs(toCompany)).toEqual([100]);
  const edges = stack.fake.associations().filter((e) => e.fromObjectTypeId === licenseType);
  expect(edges.filter((e) => e.toObjectTypeId === '0-1')).toHaveLength(500);
  expect(edges.filter((e) => e.toObjectTypeId === '0-2')).toHaveLength(100);
  expect(await intentCounts(stack.runtime.db)).toEqual({ done: 1000 });
});
