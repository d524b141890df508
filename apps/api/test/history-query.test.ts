import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
beforeAll(async () => {
  stack = await startApi();
});
afterAll(() => stack.close());

const history = (query: string) => stack.call('GET', `/history?${query}`);

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
