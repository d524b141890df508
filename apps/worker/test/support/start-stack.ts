import { type ApiRuntime, createApiRuntime } from '@licensync/api';
import { schema } from '@licensync/core';
import {
  createFakeStripe,
  createTestEnv,
  deliverStripeEvent,
  type FakeStripe,
  settleInbox,
  type TestEnv,
} from '@licensync/testkit';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { createWorkerRuntime, type WorkerRuntime } from '../../src/create-worker-runtime';

export interface Stack {
  env: TestEnv;
  fake: FakeStripe;
  api: ApiRuntime;
  worker: WorkerRuntime | undefined;
  workspaceId: string;
  /** Posts events to the api as Stripe would (signed), in the order given; returns the responses. */
  deliver(events: Stripe.Event[]): Promise<Response[]>;
  /** Waits until every given event's inbox row left `pending`; returns their rows. */
  settled(events: Stripe.Event[]): Promise<(typeof schema.inboxEvents.$inferSelect)[]>;
  licenses(where?: {
    subscriptionId?: string;
    paymentIntentId?: string;
  }): Promise<(typeof schema.licenses.$inferSelect)[]>;
  close(): Promise<void>;
}

/** Fake Stripe + api + worker (in-process) on an isolated database and queue prefix. */
export async function startStack(
  opts: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<Stack> {
  const fake = await createFakeStripe();
  const env = await createTestEnv({ STRIPE_API_BASE: fake.url, ...opts.env });
  const api = await createApiRuntime(env.config, env.logger);
  const worker = opts.worker === false ? undefined : await createWorkerRuntime(env.config, env.logger);
  const db = api.db;
  return {
    env,
    fake,
    api,
    worker,
    workspaceId: api.workspaceId,
    async deliver(events) {
      const out: Response[] = [];
      for (const event of events) {
        out.push(
          await deliverStripeEvent(`${api.url}/webhooks/stripe`, event, env.config.STRIPE_WEBHOOK_SECRET),
        );
      }
      return out;
    },
    settled(events) {
      return settleInbox(
        db,
        events.map((e) => e.id),
      );
    },
    licenses(where = {}) {
      const { licenses } = schema;
      return db
        .select()
        .from(licenses)
        .where(
          and(
            eq(licenses.workspaceId, api.workspaceId),
            where.subscriptionId ? eq(licenses.stripeSubscriptionId, where.subscriptionId) : undefined,
            where.paymentIntentId ? eq(licenses.stripePaymentIntentId, where.paymentIntentId) : undefined,
          ),
        )
        .orderBy(licenses.sourceKey);
    },
    async close() {
      await worker?.close();
      await api.close();
      await fake.close();
      await env.cleanup();
    },
  };
}
