import type { schema } from '@licensync/core';
import { createFakeStripe, deliverStripeEvent, type FakeStripe, settleInbox } from '@licensync/testkit';
import type Stripe from 'stripe';
// @licensync/worker cannot be a dependency of the api (the worker's tests depend on the api, and
// pnpm workspaces refuse cycles), so the api's end-to-end tests reach the worker's runtime by path.
import { createWorkerRuntime, type WorkerRuntime } from '../../../worker/src/index';
import { seedExampleCatalog } from './seed-catalog';
import { type ApiStack, startApi } from './start-api';

export interface StackOptions {
  /** Start an in-process worker. Default: true. */
  worker?: boolean;
  /** Import the example catalog (pro, team, render, suite). Default: false. */
  catalog?: boolean;
  /** Extra variables for the test env. */
  env?: Record<string, string>;
}

export interface Stack extends ApiStack {
  fake: FakeStripe;
  worker: WorkerRuntime | undefined;
  workspaceId: string;
  /** Posts events to the api as Stripe would (signed), in the order given; returns the responses. */
  deliver(events: Stripe.Event[]): Promise<Response[]>;
  /** Waits until every given event's inbox row left `pending`; returns their rows. */
  settled(events: Stripe.Event[]): Promise<(typeof schema.inboxEvents.$inferSelect)[]>;
}

/** Fake Stripe + api + in-process worker on an isolated database and queue prefix. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const fake = await createFakeStripe();
  const base = await startApi({ STRIPE_API_BASE: fake.url, ...opts.env });
  const { env, api } = base;
  const worker = opts.worker === false ? undefined : await createWorkerRuntime(env.config, env.logger);
  if (opts.catalog) await seedExampleCatalog(api.db, api.workspaceId);
  return {
    ...base,
    fake,
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
    settled: (events) =>
      settleInbox(
        api.db,
        events.map((e) => e.id),
      ),
    async close() {
      await worker?.close();
      await base.close();
      await fake.close();
    },
  };
}
