import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCatalog, parseCatalogFile } from '@licensync/core';
import {
  createFakeStripe,
  createTestEnv,
  deliverStripeEvent,
  type FakeStripe,
  settleInbox,
  type TestEnv,
} from '@licensync/testkit';
import type Stripe from 'stripe';
// @licensync/worker cannot be a dependency of the api (the worker's tests depend on the api, and
// pnpm workspaces refuse cycles), so the api's end-to-end tests reach the worker's runtime by path.
import { createWorkerRuntime, type WorkerRuntime } from '../../../worker/src/index';
import { type ApiRuntime, createApiRuntime } from '../../src/create-api-runtime';

const examplePath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../examples/catalog.yaml',
);

export interface FailuresStack {
  env: TestEnv;
  fake: FakeStripe;
  api: ApiRuntime;
  worker: WorkerRuntime;
  deliver(events: Stripe.Event[]): Promise<void>;
  settled(events: Stripe.Event[]): ReturnType<typeof settleInbox>;
  /** Calls the admin API with the admin token; `body` is sent as JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked by the assertions, not by types
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Fake Stripe + api + in-process worker on an isolated database and queue prefix, example catalog loaded. */
export async function startFailuresStack(): Promise<FailuresStack> {
  const fake = await createFakeStripe();
  const env = await createTestEnv({ STRIPE_API_BASE: fake.url });
  const api = await createApiRuntime(env.config, env.logger);
  const worker = await createWorkerRuntime(env.config, env.logger);
  const catalog = parseCatalogFile(await readFile(examplePath, 'utf8'), 'catalog.yaml');
  await importCatalog({ db: api.db, workspaceId: api.workspaceId, catalog });
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
    settled: (events) =>
      settleInbox(
        api.db,
        events.map((e) => e.id),
      ),
    async call(method, path, body) {
      const res = await fetch(`${api.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${env.config.ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      await worker.close();
      await api.close();
      await fake.close();
      await env.cleanup();
    },
  };
}
