import { createServer } from 'node:net';
import * as schema from '@licensync/core/schema';
import { createFakeHubspot, type FakeHubspot } from '@licensync/fakes/hubspot';
import { createTestEnv, eventually, type TestEnv } from '@licensync/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRuntime, type WorkerRuntime } from '../src/create-worker-runtime';

/** A loopback port that nothing listens on (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the static HubSpot token when HubSpot is down at worker start', () => {
  let env: TestEnv;
  let runtime: WorkerRuntime;
  let fake: FakeHubspot | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    env = await createTestEnv({
      HUBSPOT_API_BASE: `http://127.0.0.1:${port}`,
      HUBSPOT_ACCESS_TOKEN: 'fake-hubspot-token',
      HUBSPOT_CONNECT_RETRY_MS: '100',
      HUBSPOT_SYNC_POLL_MS: '100',
    });
    runtime = await createWorkerRuntime(env.config, env.logger);
  });

  afterAll(async () => {
    await runtime?.close();
    await env?.cleanup();
    await fake?.close();
  });

  it('writes no connection while HubSpot is unreachable, then keeps trying and connects once it answers', async () => {
    expect(await runtime.db.select().from(schema.hubspotConnections)).toEqual([]);

    fake = await createFakeHubspot({ port });
    await runtime.hubspot.connected;

    const connection = await eventually(async () => {
      const [row] = await runtime.db.select().from(schema.hubspotConnections);
      // The schema was deployed by the retry too, not only the token recorded.
      return row && Object.keys(row.objectTypeIds).length === 3 ? row : undefined;
    });
    expect(connection).toMatchObject({ portalId: String(fake.defaultPortal.portalId), status: 'active' });
    expect(fake.calls(/schemas/)).toBeGreaterThan(0);
  });
});
