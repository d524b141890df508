import { type ApiRuntime, createApiRuntime } from '@licensync/api';
import type { Config } from '@licensync/core/config';
import type * as schema from '@licensync/core/schema';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { getHubspotConnection } from '@licensync/hubspot';
import { createTestEnv, eventually, type TestEnv } from '@licensync/test-env';
import { createWorkerRuntime, type WorkerRuntime } from '../../src/create-worker-runtime';
import { intentCounts, seedCustomers, seedLicenses, seedProduct } from '../hubspot-fixtures';

export interface HubspotStackOptions {
  /** Extra variables for the test env; they win over the HubSpot defaults (poll every 100 ms). */
  env?: Record<string, string>;
  /** Portals added to the fake besides its default one, before the worker connects. Default: none. */
  portals?: { portalId: number; token: string }[];
  /** Also start an api runtime (after the env, before the worker). Default: false. */
  api?: boolean;
}

export interface HubspotStack {
  fake: FakeHubspot;
  env: TestEnv;
  /** The current worker; `restart` replaces it. */
  readonly runtime: WorkerRuntime;
  api: ApiRuntime | undefined;
  workspaceId: string;
  /** The default workspace's HubSpot object type ids, as the worker recorded them on connecting. */
  objectTypeIds(): Promise<(typeof schema.hubspotConnections.$inferSelect)['objectTypeIds']>;
  /** One product, `customers` customers and `licenses` licenses, each with its sync intent. */
  seed(opts: {
    customers: number;
    companyEvery?: number;
    licenses?: number;
  }): Promise<{ productId: string; customerIds: string[]; licenseIds: string[] }>;
  /** Waits until no sync intent is pending or processing; returns the counts by status. */
  settled(): Promise<Record<string, number>>;
  /** Closes the worker and starts a new one on the same env with `config` changed. */
  restart(config: Partial<Config>): Promise<void>;
  /** Closes in reverse order: worker, api, env, fake. */
  close(): Promise<void>;
}

/** Fake HubSpot + in-process worker connected to it by static token, on an isolated database and queue prefix. */
export async function startHubspotStack(opts: HubspotStackOptions = {}): Promise<HubspotStack> {
  const fake = await createFakeHubspot();
  for (const portal of opts.portals ?? []) fake.addPortal(portal);
  const env = await createTestEnv({
    HUBSPOT_API_BASE: fake.url,
    HUBSPOT_ACCESS_TOKEN: fake.defaultPortal.token,
    HUBSPOT_SYNC_POLL_MS: '100',
    ...opts.env,
  });
  const api = opts.api ? await createApiRuntime(env.config, env.logger) : undefined;
  let runtime = await createWorkerRuntime(env.config, env.logger);
  const workspaceId = (await ensureDefaultWorkspace(runtime.db)).id;
  return {
    fake,
    env,
    get runtime() {
      return runtime;
    },
    api,
    workspaceId,
    async objectTypeIds() {
      return (await getHubspotConnection(runtime.db, workspaceId))!.objectTypeIds;
    },
    async seed({ customers, companyEvery, licenses = 0 }) {
      const productId = await seedProduct(runtime.db, workspaceId);
      const customerIds = await seedCustomers(runtime.db, workspaceId, customers, { companyEvery });
      const licenseIds =
        licenses > 0
          ? await seedLicenses(runtime.db, workspaceId, { productId, customerIds, n: licenses })
          : [];
      return { productId, customerIds, licenseIds };
    },
    settled: () =>
      eventually(async () => {
        const counts = await intentCounts(runtime.db);
        return !counts.pending && !counts.processing ? counts : undefined;
      }, 20_000),
    async restart(config) {
      await runtime.close();
      runtime = await createWorkerRuntime({ ...env.config, ...config }, env.logger);
    },
    async close() {
      await runtime.close();
      await api?.close();
      await env.cleanup();
      await fake.close();
    },
  };
}
