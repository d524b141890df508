import { createTestEnv, type TestEnv } from '@licensync/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiRuntime, createApiRuntime } from '../src/create-api-runtime';

let env: TestEnv;
let api: ApiRuntime;
beforeAll(async () => {
  env = await createTestEnv();
  api = await createApiRuntime(env.config, env.logger);
});
afterAll(async () => {
  await api.close();
  await env.cleanup();
});

const history = async (query: string) => {
  const res = await fetch(`${api.url}/api/v1/history?${query}`, {
    headers: { authorization: `Bearer ${env.config.ADMIN_TOKEN}` },
  });
  // biome-ignore lint/suspicious/noExplicitAny: checked by the assertions
  return { status: res.status, body: (await res.json()) as any };
};

it.each(['customer_email', 'stripe_id', 'license_id', 'license_key', 'hubspot_object_id'])(
  'a NUL character in %s is a 400 naming the field, not a 500 from Postgres',
  async (field) => {
    const res = await history(`${field}=a%00b`);
    expect(res).toMatchObject({ status: 400, body: { fields: { [field]: expect.stringContaining('NUL') } } });
  },
);

it('a clean query still answers', async () => {
  expect((await history('customer_email=nobody%40example.com')).status).toBe(200);
});
