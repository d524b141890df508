import {
  activateLicense,
  checkLicense,
  createLastCheckBuffer,
  type LastCheckBuffer,
} from '@licensync/core/activations';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type HubspotStack, startHubspotStack } from './support/start-hubspot-stack';

let stack: HubspotStack;
let lastChecks: LastCheckBuffer;
let licenseId: string;
let productId: string;

beforeAll(async () => {
  stack = await startHubspotStack();
  const seeded = await stack.seed({ customers: 1, licenses: 1 });
  productId = seeded.productId;
  licenseId = seeded.licenseIds[0]!;
  await stack.settled();
  lastChecks = createLastCheckBuffer({ db: stack.runtime.db, flushMs: 60_000, syncResolutionS: 900 });
});
afterAll(async () => {
  await lastChecks.close();
  await stack.close();
});

const intents = () =>
  stack.runtime.db.select().from(schema.syncOutbox).where(eq(schema.syncOutbox.objectId, licenseId));

it('brings activations and the last check to the HubSpot record, many checks as one update', async () => {
  const [product] = await stack.runtime.db
    .select()
    .from(schema.products)
    .where(eq(schema.products.id, productId));
  const call = {
    db: stack.runtime.db,
    workspaceId: stack.workspaceId,
    product: { id: productId, shortCode: product!.shortCode },
    credentials: { licenseKey: 'SEED-000000' },
    hardwareId: 'hw-1',
  };
  await activateLicense({ ...call, now: new Date() });
  await stack.settled();
  const before = (await intents()).length;

  for (let i = 0; i < 200; i++) await checkLicense({ ...call, now: new Date(), lastChecks });
  await lastChecks.flush();
  await stack.settled();
  for (let i = 0; i < 200; i++) await checkLicense({ ...call, now: new Date(), lastChecks });
  await lastChecks.flush();
  await stack.settled();

  // 400 checks, one sync: the second batch moved the last check by less than the resolution.
  expect((await intents()).length).toBe(before + 1);
  const [license] = await stack.runtime.db
    .select()
    .from(schema.licenses)
    .where(eq(schema.licenses.id, licenseId));
  const licenseType = (await stack.objectTypeIds()).licenses!;
  const record = stack.fake.records(licenseType).find((r) => r.properties.licensync_license_id === licenseId);
  expect(record?.properties).toMatchObject({
    activations: '1',
    last_check_at: license!.lastCheckAt!.toISOString(),
  });
});
