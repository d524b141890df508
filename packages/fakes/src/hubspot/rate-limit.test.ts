import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHubspot } from './create-fake-hubspot';
import { clientFor, failure } from './test-fixtures';

const fake = await createFakeHubspot({ rateLimit: { maxRequestsPer10s: 3, intervalMs: 300 } });
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const search = { filterGroups: [], properties: [], sorts: [], limit: 1, after: '0' };

describe('rate limits', () => {
  it('sends the rate-limit headers on every non-search response', async () => {
    const res = await clientFor(fake).crm.properties.coreApi.getAllWithHttpInfo('contacts');
    expect(res.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '3',
      'x-hubspot-ratelimit-remaining': '2',
      'x-hubspot-ratelimit-interval-milliseconds': '300',
      'x-hubspot-ratelimit-daily': '1000000',
      'x-hubspot-ratelimit-daily-remaining': '999999',
    });
  });

  it('answers 429 TEN_SECONDLY_ROLLING past the limit, then OK once the window rolls', async () => {
    const client = clientFor(fake);
    for (let i = 0; i < 3; i++) await client.crm.properties.coreApi.getAll('contacts');
    const limited = await failure(client.crm.properties.coreApi.getAll('contacts'));

    expect(limited.code).toBe(429);
    expect(limited.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    expect(fake.requests().at(-1)?.responseBody).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });

    await sleep(350);
    expect((await client.crm.properties.coreApi.getAll('contacts')).results.length).toBeGreaterThan(0);
  });

  it('keeps each portal in its own window', async () => {
    const other = fake.addPortal({ portalId: 2, token: 'other' });
    for (let i = 0; i < 3; i++) await clientFor(fake).crm.properties.coreApi.getAll('contacts');
    await expect(
      clientFor(fake, other.token).crm.properties.coreApi.getAll('contacts'),
    ).resolves.toBeDefined();
  });

  it('limits search separately, with no rate-limit headers', async () => {
    fake.rateLimit({ searchPerSecond: 2, maxRequestsPer10s: 100 });
    const client = clientFor(fake);
    const ok = await client.crm.contacts.searchApi.doSearchWithHttpInfo(search);
    await client.crm.contacts.searchApi.doSearch(search);
    const limited = await failure(client.crm.contacts.searchApi.doSearch(search));

    expect(ok.headers['x-hubspot-ratelimit-max']).toBeUndefined();
    expect(limited.code).toBe(429);
    expect(limited.body.message).toBe('You have reached your secondly limit.');
  });

  it('answers the DAILY policy once the daily budget is spent', async () => {
    fake.rateLimit({ daily: 1 });
    await clientFor(fake).crm.properties.coreApi.getAll('contacts');
    const limited = await failure(clientFor(fake).crm.properties.coreApi.getAll('contacts'));
    expect(limited.code).toBe(429);
    expect(fake.requests().at(-1)?.responseBody).toMatchObject({ policyName: 'DAILY' });
  });

  it('sends Retry-After when asked to', async () => {
    fake.rateLimit({ retryAfter: true });
    const client = clientFor(fake);
    for (let i = 0; i < 3; i++) await client.crm.properties.coreApi.getAll('contacts');
    const limited = await failure(client.crm.properties.coreApi.getAll('contacts'));
    expect(limited.headers['retry-after']).toBe('1');
  });
});
