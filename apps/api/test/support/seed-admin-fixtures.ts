import * as schema from '@licensync/core/schema';
import type { ApiStack } from './start-api';

export interface AdminFixtures {
  productCode: string;
  licenseId: string;
  failureId: number;
}

/**
 * One product with a policy, one license of it and one open job failure: enough for every admin
 * route to reach its database code instead of stopping at "not found".
 */
export async function seedAdminFixtures(stack: ApiStack): Promise<AdminFixtures> {
  const { db, workspaceId } = stack.api;
  const policy = { code: 'default', name: 'Default', license_type: 'perpetual' };
  const imported = await stack.call('POST', '/catalog/import', {
    products: [{ short_code: 'pro', name: 'Pro', authorization_method: 'license-key', policies: [policy] }],
  });
  if (imported.status !== 200) throw new Error(`catalog import answered ${imported.status}`);
  const [product] = await db.select().from(schema.products);
  const [customer] = await db
    .insert(schema.customers)
    .values({ workspaceId, email: 'fixture@example.com' })
    .returning();
  const [license] = await db
    .insert(schema.licenses)
    .values({
      workspaceId,
      sourceKey: 'fixture:1',
      customerId: customer!.id,
      productId: product!.id,
      licenseKey: 'FIXTURE-KEY-0001',
      licenseType: 'perpetual',
    })
    .returning();
  const [failure] = await db
    .insert(schema.jobFailures)
    .values({
      workspaceId,
      queue: 'inbox-events',
      jobName: 'process-inbox-event',
      jobId: 'inbox-1-0',
      eventId: 'evt_fixture',
      eventType: 'checkout.session.completed',
      attempts: 1,
      firstError: 'fixture error',
      lastError: 'fixture error',
    })
    .returning();
  return { productCode: product!.shortCode, licenseId: license!.id, failureId: failure!.id };
}
