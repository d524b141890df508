import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { seedExampleCatalog } from '@licensync/test-env';
import { and, eq } from 'drizzle-orm';

/** What one workspace holds in every admin-visible table, for the isolation walk. */
export interface SeededWorkspace {
  licenseId: string;
  customerId: string;
  customerAccountId: string;
  failureId: number;
  resyncId: string;
  email: string;
}

/** A product catalog, one customer (with an account) holding a `pro` license, a failure, a resync run, a price problem and history. */
export async function seedWorkspace(db: Db, workspaceId: string, tag: string): Promise<SeededWorkspace> {
  await seedExampleCatalog(db, workspaceId);
  const [product] = await db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.workspaceId, workspaceId), eq(schema.products.shortCode, 'pro')));
  const email = `${tag}@example.com`;
  const [account] = await db
    .insert(schema.customerAccounts)
    .values({ workspaceId, name: `Account ${tag}` })
    .returning();
  const [customer] = await db
    .insert(schema.customers)
    .values({ workspaceId, email, customerAccountId: account!.id })
    .returning();
  const [license] = await db
    .insert(schema.licenses)
    .values({
      workspaceId,
      sourceKey: `test:${tag}:li:0`,
      customerId: customer!.id,
      productId: product!.id,
      licenseType: 'perpetual',
      licenseKey: `KEY-${tag}`,
      stripeSubscriptionId: `sub_${tag}`,
    })
    .returning();
  const [failure] = await db
    .insert(schema.jobFailures)
    .values({
      workspaceId,
      queue: 'inbox-events',
      jobName: 'process-inbox-event',
      jobId: `job-${tag}`,
      attempts: 3,
      firstError: 'boom',
      lastError: 'boom',
    })
    .returning();
  const [run] = await db
    .insert(schema.resyncRuns)
    .values({ workspaceId, kind: 'stripe-reconcile', scope: 'all', status: 'succeeded' })
    .returning();
  await db.insert(schema.stripePriceProblems).values({
    workspaceId,
    priceId: `price_${tag}`,
    problems: [],
  });
  await db.insert(schema.activityLog).values({
    workspaceId,
    kind: 'test.seeded',
    subjects: [`email:${email}`, `license:${license!.id}`],
    outcome: 'ok',
  });
  return {
    licenseId: license!.id,
    customerId: customer!.id,
    customerAccountId: account!.id,
    failureId: failure!.id,
    resyncId: run!.id,
    email,
  };
}
