import { type ApiRuntime, createApiRuntime } from '@licensync/api';
import {
  createFakeStripe,
  createTestEnv,
  deliverStripeEvent,
  type FakeStripe,
  type TestEnv,
} from '@licensync/testkit';
import { createWorkerRuntime, type WorkerRuntime } from '@licensync/worker';

type StripeEvent = Parameters<typeof deliverStripeEvent>[1];

export interface Stack {
  env: TestEnv;
  fake: FakeStripe;
  api: ApiRuntime;
  worker: WorkerRuntime;
  deliver(events: StripeEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** Fake Stripe + api + in-process worker on an isolated database and queue prefix. */
export async function startStack(): Promise<Stack> {
  const fake = await createFakeStripe();
  const env = await createTestEnv({ STRIPE_API_BASE: fake.url });
  const api = await createApiRuntime(env.config, env.logger);
  const worker = await createWorkerRuntime(env.config, env.logger);
  return {
    env,
    fake,
    api,
    worker,
    async deliver(events) {
      for (const event of events) {
        await deliverStripeEvent(`${api.url}/webhooks/stripe`, event, env.config.STRIPE_WEBHOOK_SECRET);
      }
    },
    async close() {
      await worker.close();
      await api.close();
      await fake.close();
      await env.cleanup();
    },
  };
}
