import type * as schema from '@licensync/core/schema';
import { createFakeStripe, deliverStripeEvent, type FakeStripe } from '@licensync/fakes/stripe';
import type Stripe from 'stripe';
import type { ApiRuntimeLike, Closable, RuntimeFactory } from './runtime-factory';
import { seedExampleCatalog } from './seed-example-catalog';
import { settleInbox } from './settle-inbox';
import { type ApiStack, startApi } from './start-api';

export interface StackOptions {
  /** Start an in-process worker. Default: true. */
  worker?: boolean;
  /** Import the example catalog (pro, team, render, suite). Default: false. */
  catalog?: boolean;
  /** Extra variables for the test env. */
  env?: Record<string, string>;
}

/** The two runtimes of a stack, handed in by the app whose tests start it. */
export interface StackRuntimes<A extends ApiRuntimeLike, W extends Closable> {
  createApi: RuntimeFactory<A>;
  createWorker: RuntimeFactory<W>;
}

export interface Stack<A extends ApiRuntimeLike, W extends Closable> extends ApiStack<A> {
  fake: FakeStripe;
  worker: W | undefined;
  workspaceId: string;
  /** Posts events to the api as Stripe would (signed), in the order given; returns the responses. */
  deliver(events: Stripe.Event[]): Promise<Response[]>;
  /** Waits until every given event's inbox row left `pending`; returns their rows. */
  settled(events: Stripe.Event[]): Promise<(typeof schema.inboxEvents.$inferSelect)[]>;
}

/** Fake Stripe + api + in-process worker on an isolated database and queue prefix. */
export async function startStack<A extends ApiRuntimeLike, W extends Closable>(
  runtimes: StackRuntimes<A, W>,
  opts: StackOptions = {},
): Promise<Stack<A, W>> {
  const fake = await createFakeStripe();
  const base = await startApi(runtimes.createApi, { STRIPE_API_BASE: fake.url, ...opts.env });
  const { env, api } = base;
  const worker = opts.worker === false ? undefined : await runtimes.createWorker(env.config, env.logger);
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
