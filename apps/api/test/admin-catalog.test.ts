import { readFileSync } from 'node:fs';
import * as schema from '@licensync/core/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApi();
});
afterAll(() => stack.close());

const policy = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: code,
  license_type: 'perpetual',
  ...extra,
});

describe('admin authentication', () => {
  it('answers 401 without a token and with a wrong one', async () => {
    const none = await fetch(`${stack.api.url}/api/v1/products`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: 'missing or invalid admin token' });
    const wrong = await stack.call('GET', '/products', undefined, {
      authorization: 'Bearer not-the-admin-token',
    });
    expect(wrong.status).toBe(401);
    const basic = await stack.call('GET', '/products', undefined, {
      authorization: `Basic ${stack.env.config.ADMIN_TOKEN}`,
    });
    expect(basic.status).toBe(401);
  });
});

describe('products, policies, features and custom fields', () => {
  it('creates a product with its parts and answers it in snake_case', async () => {
    const created = await stack.call('POST', '/products', {
      short_code: 'editor',
      name: 'Editor',
      authorization_method: 'license-key',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      short_code: 'editor',
      name: 'Editor',
      authorization_method: 'license-key',
      is_bundle: false,
    });

    const feature = await stack.call('POST', '/products/editor/features', { code: 'export', name: 'Export' });
    expect(feature).toEqual({
      status: 201,
      body: { code: 'export', name: 'Export', feature_type: 'activation', max_consumption: null },
    });
    const field = await stack.call('POST', '/products/editor/custom_fields', {
      name: 'tier',
      default_value: 'basic',
    });
    expect(field).toEqual({ status: 201, body: { name: 'tier', default_value: 'basic' } });
    const pol = await stack.call('POST', '/products/editor/policies', {
      ...policy('default'),
      max_activations: 3,
      floating_cloud: 3,
      features: ['export'],
      custom_field_values: { tier: 'gold' },
    });
    expect(pol.status).toBe(201);
    expect(pol.body).toMatchObject({
      code: 'default',
      is_default: true,
      features: ['export'],
      floating_cloud: 3,
    });

    const renamed = await stack.call('PATCH', '/products/editor', { name: 'Editor 2' });
    expect(renamed.status).toBe(200);
    const one = await stack.call('GET', '/products/editor');
    expect(one.body).toMatchObject({
      name: 'Editor 2',
      policies: [{ code: 'default', custom_field_values: { tier: 'gold' } }],
      features: [{ code: 'export' }],
      custom_fields: [{ name: 'tier', default_value: 'basic' }],
    });
    const list = await stack.call('GET', '/products');
    expect(list.body.data.map((p: { short_code: string }) => p.short_code)).toContain('editor');
  });

  it('keeps exactly one default policy: the first one, then whichever is marked', async () => {
    await stack.call('POST', '/products', {
      short_code: 'multi',
      name: 'Multi',
      authorization_method: 'user',
    });
    expect((await stack.call('POST', '/products/multi/policies', policy('a'))).body.is_default).toBe(true);
    expect((await stack.call('POST', '/products/multi/policies', policy('b'))).body.is_default).toBe(false);
    const c = await stack.call('POST', '/products/multi/policies', {
      ...policy('c'),
      is_default: true,
      max_license_users: 10,
    });
    expect(c.body).toMatchObject({ is_default: true, max_license_users: 10 });
    const { body } = await stack.call('GET', '/products/multi');
    expect(body.policies.map((p: { code: string; is_default: boolean }) => [p.code, p.is_default])).toEqual([
      ['a', false],
      ['b', false],
      ['c', true],
    ]);
  });

  it('answers 409 for a taken short_code or policy code, and 404 for an unknown product', async () => {
    await stack.call('POST', '/products', { short_code: 'dup', name: 'Dup', authorization_method: 'user' });
    const again = await stack.call('POST', '/products', {
      short_code: 'dup',
      name: 'Dup',
      authorization_method: 'user',
    });
    expect(again).toEqual({
      status: 409,
      body: { error: 'product dup already exists', fields: { short_code: 'already exists' } },
    });
    await stack.call('POST', '/products/dup/policies', policy('p'));
    expect((await stack.call('POST', '/products/dup/policies', policy('p'))).status).toBe(409);
    expect((await stack.call('GET', '/products/nope')).status).toBe(404);
    expect((await stack.call('POST', '/products/nope/policies', policy('p'))).status).toBe(404);
    expect((await stack.call('PATCH', '/products/nope', { name: 'x' })).status).toBe(404);
  });

  it('answers 400 naming the field for each kind of bad input', async () => {
    await stack.call('POST', '/products', {
      short_code: 'lk',
      name: 'LK',
      authorization_method: 'license-key',
    });
    const cases: [string, string, unknown, Record<string, string | ReturnType<typeof expect.any>>][] = [
      ['POST', '/products', { name: 'x', authorization_method: 'user' }, { short_code: 'required' }],
      [
        'POST',
        '/products',
        { short_code: 'a b', name: 'x', authorization_method: 'user' },
        { short_code: expect.any(String) },
      ],
      [
        'POST',
        '/products',
        { short_code: 'z', name: 'x', authorization_method: 'seat' },
        { authorization_method: 'must be one of license-key, user' },
      ],
      [
        'POST',
        '/products',
        { short_code: 'z', name: 'x', authorization_method: 'user', color: 'red' },
        { color: 'unknown field' },
      ],
      [
        'POST',
        '/products/lk/policies',
        policy('p', { license_type: 'lifetime' }),
        { license_type: expect.stringContaining('perpetual') },
      ],
      [
        'POST',
        '/products/lk/policies',
        policy('p', { license_type: 'time-limited', valid_duration: '3x' }),
        { valid_duration: expect.stringContaining('duration') },
      ],
      [
        'POST',
        '/products/lk/policies',
        policy('p', { max_activations: 2, floating_cloud: 3 }),
        { floating_cloud: 'must be ≤ max_activations (2)' },
      ],
      [
        'POST',
        '/products/lk/policies',
        policy('p', { max_license_users: 5 }),
        { max_license_users: 'only allowed on products with user authorization' },
      ],
      [
        'POST',
        '/products/lk/policies',
        policy('p', { features: ['ghost'] }),
        { 'features[0]': 'unknown feature ghost of this product' },
      ],
      [
        'POST',
        '/products/lk/policies',
        policy('p', { max_activations: 2 ** 40 }),
        { max_activations: expect.any(String) },
      ],
      [
        'POST',
        '/products/lk/features',
        { code: 'f', name: 'F', max_consumption: 5 },
        { max_consumption: 'only allowed when feature_type is consumption' },
      ],
      ['POST', '/products/lk/custom_fields', { default_value: 'x' }, { name: 'required' }],
      ['PATCH', '/products/lk', { short_code: 'other' }, { short_code: 'unknown field' }],
      ['POST', '/products', '{"short_code": ', { body: 'is not valid JSON' }],
    ];
    for (const [method, path, body, fields] of cases) {
      const res = await stack.call(method, path, body);
      expect({ path, ...res }).toEqual({
        path,
        status: 400,
        body: { error: 'invalid request', fields: expect.objectContaining(fields) },
      });
    }
    expect((await stack.call('GET', '/products/lk')).body.policies).toEqual([]);
  });
});

describe('POST /api/v1/catalog/import', () => {
  it('imports JSON idempotently and names the path of a bad field', async () => {
    const catalog = {
      products: [
        {
          short_code: 'cat',
          name: 'Cat',
          authorization_method: 'license-key',
          policies: [policy('default')],
        },
      ],
    };
    const first = await stack.call('POST', '/catalog/import', catalog);
    expect(first).toEqual({
      status: 200,
      body: {
        created: { products: 1, policies: 1, features: 0, custom_fields: 0 },
        updated: { products: 0, policies: 0, features: 0, custom_fields: 0 },
      },
    });
    const second = await stack.call('POST', '/catalog/import', catalog);
    expect(second.body.created).toEqual({ products: 0, policies: 0, features: 0, custom_fields: 0 });
    expect(second.body.updated).toEqual({ products: 0, policies: 0, features: 0, custom_fields: 0 });

    const bad = await stack.call('POST', '/catalog/import', {
      products: [
        catalog.products[0],
        { ...catalog.products[0], short_code: 'c2', policies: [policy('x', { license_type: 'forever' })] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['products[1].policies[0].license_type']);
  });

  it('imports examples/catalog.yaml sent as text/yaml', async () => {
    const yaml = readFileSync(new URL('../../../examples/catalog.yaml', import.meta.url), 'utf8');
    const res = await stack.call('POST', '/catalog/import', yaml, { 'content-type': 'text/yaml' });
    expect(res.status).toBe(200);
    expect(res.body.created).toEqual({ products: 4, policies: 9, features: 4, custom_fields: 1 });
    const suite = await stack.call('GET', '/products/suite');
    expect(suite.body).toMatchObject({ is_bundle: true, bundle_members: ['pro', 'team'] });

    const broken = await stack.call('POST', '/catalog/import', 'products: [', {
      'content-type': 'text/yaml',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.fields.file).toMatch(/not valid YAML/);
  });
});

describe('GET /api/v1/prices/problems', () => {
  it('lists the recorded price problems of the workspace', async () => {
    const [ws] = await stack.api.db.select().from(schema.workspaces);
    const problem = {
      attribute: 'license_type',
      rule: 'license-type',
      message: 'price price_1: license_type must be one of …',
    };
    await stack.api.db
      .insert(schema.stripePriceProblems)
      .values({ workspaceId: ws!.id, priceId: 'price_1', productId: 'prod_1', problems: [problem] });
    const res = await stack.call('GET', '/prices/problems');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        price_id: 'price_1',
        product_id: 'prod_1',
        problems: [{ ...problem, severity: 'error' }],
        checked_at: expect.any(String),
      },
    ]);
  });
});
