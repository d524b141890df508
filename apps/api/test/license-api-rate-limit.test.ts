import * as schema from '@licensync/core/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { licenseCall } from './support/license-call';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
let lic: ReturnType<typeof licenseCall>;
let key: string;

beforeAll(async () => {
  stack = await startApi({
    LICENSE_API_RATE_PER_KEY: '5',
    LICENSE_API_RATE_PER_IP: '12',
    LICENSE_API_RATE_WINDOW_S: '60',
  });
  lic = licenseCall(stack.api.url);
  await stack.call('POST', '/catalog/import', {
    products: [
      {
        short_code: 'app',
        name: 'App',
        authorization_method: 'license-key',
        policies: [{ code: 'perp', name: 'Perpetual', license_type: 'perpetual', is_default: true }],
      },
    ],
  });
  const res = await stack.call('POST', '/orders', {
    customer: { email: 'r@example.com' },
    product: 'app',
    quantity: 1,
  });
  key = res.body.licenses[0].key;
});
afterAll(() => stack.close());

it('holds per key, then per address, counting unknown keys alike, with a Retry-After', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++)
    statuses.push((await lic('check', { product: 'app', license_key: key, hardware_id: 'h' })).status);
  expect(statuses.slice(0, 5)).toEqual([403, 403, 403, 403, 403]); // not activated, but answered
  expect(statuses[5]).toBe(429);
  const limited = await lic('activate', { product: 'app', license_key: key, hardware_id: 'h' });
  expect(limited.status).toBe(429);
  expect(limited.body.reason).toBe('rate_limited');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  // Nothing ran for the refused calls: the machine was never activated.
  expect(await stack.api.db.select().from(schema.licenseActivations)).toHaveLength(0);

  // Guessing other keys from the same address: each is counted, and the address runs out at 12.
  const guesses: number[] = [];
  for (let i = 0; i < 6; i++)
    guesses.push(
      (await lic('check', { product: 'app', license_key: `GUESS-${i}`, hardware_id: 'h' })).status,
    );
  expect(guesses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(guesses[5]).toBe(429);
});
