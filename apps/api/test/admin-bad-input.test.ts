import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminFixtures, seedAdminFixtures } from './support/seed-admin-fixtures';
import { type ApiStack, startApi } from './support/start-api';

// Each case was a 500 or a silently wrong answer when found by probing the admin API.
let stack: ApiStack;
let fx: AdminFixtures;
beforeAll(async () => {
  stack = await startApi();
  fx = await seedAdminFixtures(stack);
});
afterAll(() => stack.close());

const failureRow = async () =>
  (await stack.api.db.select().from(schema.jobFailures).where(eq(schema.jobFailures.id, fx.failureId)))[0]!;

describe('a year-0 date is refused, not a 500', () => {
  it.each(['since', 'until', 'created[gte]', 'created[lte]'])('GET /failures?%s=0000-01-01', async (key) => {
    const { status, body } = await stack.call('GET', `/failures?${encodeURIComponent(key)}=0000-01-01`);
    expect(status).toBe(400);
    expect(body.fields[key]).toMatch(/year 1 to 9999/);
  });

  it.each(['replay', 'discard'])('POST /failures/%s with filter.since of year 0', async (action) => {
    const { status, body } = await stack.call('POST', `/failures/${action}`, {
      filter: { since: '0000-06-01T00:00:00Z' },
      ...(action === 'discard' ? { reason: 'cleanup' } : {}),
    });
    expect(status).toBe(400);
    expect(body.fields['filter.since']).toMatch(/year 1 to 9999/);
    expect((await failureRow()).status).toBe('failed');
  });

  it('still accepts an ordinary ISO time', async () => {
    const { status } = await stack.call('GET', '/failures?since=2020-01-01T00:00:00Z&until=9999-12-31');
    expect(status).toBe(200);
  });
});

describe('a NUL in a reason is refused, not a 500', () => {
  it('POST /licenses/:id/disable', async () => {
    const { status, body } = await stack.call('POST', `/licenses/${fx.licenseId}/disable`, {
      reason: 'fraud\u0000',
    });
    expect(status).toBe(400);
    expect(body.fields.reason).toMatch(/NUL/);
    const [license] = await stack.api.db
      .select()
      .from(schema.licenses)
      .where(eq(schema.licenses.id, fx.licenseId));
    expect(license!.enabled).toBe(true);
  });

  it('POST /failures/discard', async () => {
    const { status, body } = await stack.call('POST', '/failures/discard', {
      ids: [fx.failureId],
      reason: 'test\u0000order',
    });
    expect(status).toBe(400);
    expect(body.fields.reason).toMatch(/NUL/);
    expect((await failureRow()).status).toBe('failed');
  });
});

describe('numbers are plain integers only', () => {
  const listPaths = ['/failures', '/licenses', '/resyncs', '/history?customer_email=a@b.c'];
  const loose = ['0x10', '1e2', ' 5 ', '5.0', '+5', ''];
  it.each(listPaths.flatMap((p) => loose.map((v) => [p, v] as const)))('%s limit=%j', async (path, value) => {
    const sep = path.includes('?') ? '&' : '?';
    const { status, body } = await stack.call('GET', `${path}${sep}limit=${encodeURIComponent(value)}`);
    expect(status).toBe(400);
    expect(body.fields.limit).toMatch(/integer/);
  });

  it('accepts a plain limit', async () => {
    const { status, body } = await stack.call('GET', '/failures?limit=5');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
  });

  it.each(['0x10', '1e1'])('GET /failures?starting_after=%s', async (value) => {
    const { status, body } = await stack.call('GET', `/failures?starting_after=${value}`);
    expect(status).toBe(400);
    expect(body.fields.starting_after).toMatch(/integer/);
  });

  it.each([[true], ['1'], [1.5], [null]])('ids: [%j] is refused', async (id) => {
    const { status, body } = await stack.call('POST', '/failures/replay', { ids: [id], dry_run: true });
    expect(status).toBe(400);
    expect(body.fields['ids[0]']).toBeDefined();
  });

  it.each(['1.0', '0x1', '1e0', '+1', ' 1'])('GET /failures/%s is not failure 1', async (id) => {
    const { status } = await stack.call('GET', `/failures/${encodeURIComponent(id)}`);
    expect(status).toBe(404);
  });

  it('GET /failures/:id with the plain id finds it', async () => {
    const { status, body } = await stack.call('GET', `/failures/${fx.failureId}`);
    expect(status).toBe(200);
    expect(body.id).toBe(fx.failureId);
  });
});

describe('__proto__ keeps its name', () => {
  it('an unknown __proto__ field is named in the 400', async () => {
    const body = '{"short_code":"x1","name":"X","authorization_method":"user","__proto__":{"a":1}}';
    const res = await stack.call('POST', '/products', body);
    expect(res.status).toBe(400);
    // Compared as entries: an object literal `{ __proto__: … }` would set a prototype instead.
    expect(Object.entries(res.body.fields)).toEqual([['__proto__', 'unknown field']]);
  });

  it('__proto__ in custom_field_values is refused instead of dropped', async () => {
    const body = `{"code":"p2","name":"P2","license_type":"perpetual","custom_field_values":{"__proto__":"gold"}}`;
    const res = await stack.call('POST', `/products/${fx.productCode}/policies`, body);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields)).toEqual(['custom_field_values.__proto__']);
    const policies = await stack.api.db.select().from(schema.licensePolicies);
    expect(policies.map((p) => p.code)).toEqual(['default']);
  });
});
