import { createApiRuntime } from '@licensync/api';
import { saveStripeConnection } from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { createFakeStripe, type FakeStripe } from '@licensync/fakes/stripe';
import { type ApiStack, seedExampleCatalog, startApi } from '@licensync/test-env';
import type { ExtensionContextValue } from '@stripe/ui-extension-sdk/context';
import { getMockContextProps } from '@stripe/ui-extension-sdk/testing';
import { and, eq } from 'drizzle-orm';
import Stripe from 'stripe';

export const APP_SECRET = 'absec_test_views';
export const ACCOUNT = 'acct_views';
export const USER = 'usr_support_1';

export type Backend = ApiStack<Awaited<ReturnType<typeof createApiRuntime>>> & {
  /** The workspace's Stripe account: the backend asks it about customers the ledger does not know. */
  stripe: FakeStripe;
  /** Inserts a license of the `pro` product for the customer `cus_views`. */
  addLicense(values: Partial<typeof schema.licenses.$inferInsert> & { sourceKey: string }): Promise<string>;
};

/**
 * The real api on an isolated database, its default workspace connected to Stripe account
 * `acct_views` in test mode (a fake Stripe), with the example catalog and a customer `cus_views`.
 */
export async function startBackend(): Promise<Backend> {
  const stripe = await createFakeStripe();
  const stack = await startApi(createApiRuntime, {
    STRIPE_APP_SECRET: APP_SECRET,
    STRIPE_API_BASE: stripe.url,
  });
  const { db, workspaceId } = stack.api;
  await seedExampleCatalog(db, workspaceId);
  await saveStripeConnection(db, workspaceId, { accountId: ACCOUNT, livemode: false });
  const [customer] = await db
    .insert(schema.customers)
    .values({ workspaceId, email: 'buyer@example.com', stripeCustomerId: 'cus_views' })
    .returning();
  const [pro] = await db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.workspaceId, workspaceId), eq(schema.products.shortCode, 'pro')));
  return {
    ...stack,
    stripe,
    async close() {
      await stack.close();
      await stripe.close();
    },
    async addLicense(values) {
      const [row] = await db
        .insert(schema.licenses)
        .values({
          workspaceId,
          customerId: customer!.id,
          productId: pro!.id,
          licenseType: 'perpetual',
          ...values,
        })
        .returning();
      return row!.id;
    },
  };
}

const sdk = new Stripe('sk_test_unused');

/** What `fetchStripeSignature()` answers in the dashboard: Stripe's signature of the user and account. */
export function signAsDashboard(opts: { secret?: string; userId?: string; accountId?: string } = {}): string {
  const { secret = APP_SECRET, userId = USER, accountId = ACCOUNT } = opts;
  const payload = JSON.stringify({ user_id: userId, account_id: accountId });
  return sdk.webhooks.generateTestHeaderString({ payload, secret });
}

/** The props the dashboard gives a view on `object`'s page, the manifest's constant pointing at `url`. */
export function contextFor(url: string, object: { id: string; object: string }): ExtensionContextValue {
  return getMockContextProps({
    userContext: { id: USER, account: { id: ACCOUNT } },
    environment: {
      mode: 'test',
      viewportID: 'test',
      objectContext: object,
      constants: { LICENSYNC_URL: url },
    },
  });
}

/** Runs `update` (flush promises, re-render) until `done` holds: the view's fetches are real HTTP. */
export async function settle(
  update: () => Promise<void>,
  done: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('the view did not settle');
    await new Promise((r) => setTimeout(r, 20));
    await update();
  }
}
