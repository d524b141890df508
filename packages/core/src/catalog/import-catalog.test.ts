import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase, type ScratchDatabase } from '../../test/support/scratch-database';
import { createDb, type DbHandle } from '../db/client';
import { licensePolicies, products } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import { ensureDefaultWorkspace } from '../workspaces/ensure-default-workspace';
import { importCatalog } from './import-catalog';
import { listProducts } from './list-products';
import { parseCatalogFile } from './parse-catalog-file';

const exampleYaml = readFileSync(new URL('../../../../examples/catalog.yaml', import.meta.url), 'utf8');
const zero = { products: 0, policies: 0, features: 0, customFields: 0 };

let scratch: ScratchDatabase;
let handle: DbHandle;
let workspaceId: string;

beforeAll(async () => {
  scratch = await createMigratedDatabase();
  handle = createDb(scratch.url);
  workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
});
afterAll(async () => {
  await handle.close();
  await scratch.drop();
});

const run = (catalog: unknown) => importCatalog({ db: handle.db, workspaceId, catalog });

async function rejection(catalog: unknown): Promise<Record<string, string>> {
  const err = await run(catalog).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidInputError);
  return (err as InvalidInputError).fields;
}

const policy = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: code,
  license_type: 'perpetual',
  ...extra,
});
const product = (short_code: string, extra: Record<string, unknown> = {}) => ({
  short_code,
  name: short_code,
  authorization_method: 'license-key',
  ...extra,
});

describe('importCatalog', () => {
  it('imports examples/catalog.yaml, and a second import of it changes nothing', async () => {
    const catalog = parseCatalogFile(exampleYaml, 'catalog.yaml');
    const first = await run(catalog);
    expect(first.created).toEqual({ products: 4, policies: 9, features: 4, customFields: 1 });
    expect(first.updated).toEqual(zero);

    const second = await run(catalog);
    expect(second).toEqual({ created: zero, updated: zero });

    const stored = await listProducts({ db: handle.db, workspaceId });
    expect(stored.map((p) => p.product.shortCode)).toEqual(['pro', 'render', 'suite', 'team']);
    const suite = stored.find((p) => p.product.shortCode === 'suite')!;
    expect(suite.bundleMembers).toEqual(['pro', 'team']);
    const pro = stored.find((p) => p.product.shortCode === 'pro')!;
    expect(pro.policies.filter((p) => p.isDefault).map((p) => p.code)).toEqual(['default']);
    expect(pro.policies.find((p) => p.code === 'sub')!.customFieldValues).toEqual({
      support_tier: 'priority',
    });
  });

  it('counts only what differs, and moving the default unsets the old one', async () => {
    const base = { products: [product('solo', { policies: [policy('a'), policy('b')] })] };
    expect((await run(base)).created).toMatchObject({ products: 1, policies: 2 });

    const renamed = { products: [product('solo', { name: 'Solo 2', policies: [policy('a'), policy('b')] })] };
    expect(await run(renamed)).toEqual({ created: zero, updated: { ...zero, products: 1 } });

    const switched = {
      products: [
        product('solo', { name: 'Solo 2', policies: [policy('a'), policy('b', { is_default: true })] }),
      ],
    };
    expect((await run(switched)).updated).toEqual({ ...zero, policies: 2 });
    const [solo] = await listProducts({ db: handle.db, workspaceId, shortCodes: ['solo'] });
    expect(solo!.policies.map((p) => [p.code, p.isDefault])).toEqual([
      ['a', false],
      ['b', true],
    ]);

    // Unmarked again: the existing default stays rather than flipping back to the first policy.
    expect(await run(renamed)).toEqual({ created: zero, updated: zero });
  });

  it('names the path of each bad field and writes nothing', async () => {
    const fields = await rejection({
      products: [
        product('ok-1'),
        product('ok-2'),
        product('bad', {
          policies: [
            policy('x', { license_type: 'lifetime' }),
            policy('y', { license_type: 'time-limited', valid_duration: '3x' }),
          ],
        }),
        { name: 'no code', authorization_method: 'user' },
      ],
    });
    expect(fields).toMatchObject({
      'products[2].policies[0].license_type': expect.stringContaining('perpetual'),
      'products[2].policies[1].valid_duration': expect.stringContaining('duration'),
      'products[3].short_code': 'required',
    });
    const rows = await handle.db.select().from(products).where(eq(products.shortCode, 'ok-1'));
    expect(rows).toHaveLength(0);
  });

  it('rolls back every row when a rule that needs the database fails', async () => {
    const fields = await rejection({
      products: [
        product('rollback', { policies: [policy('p', { features: ['missing'] })] }),
        product('bundle-x', { is_bundle: true, bundle_members: ['rollback', 'nowhere'] }),
      ],
    });
    expect(fields).toEqual({ 'products[1].bundle_members[1]': 'unknown product nowhere' });
    expect(await handle.db.select().from(products).where(eq(products.shortCode, 'rollback'))).toHaveLength(0);

    const featureFields = await rejection({
      products: [product('rollback', { policies: [policy('p', { features: ['missing'] })] })],
    });
    expect(featureFields).toEqual({
      'products[0].policies[0].features[0]': 'unknown feature missing of this product',
    });
  });

  it('refuses user-only fields on license-key products, duplicates, two defaults, and changed methods', async () => {
    expect(
      await rejection({ products: [product('lk', { policies: [policy('p', { max_license_users: 3 })] })] }),
    ).toEqual({
      'products[0].policies[0].max_license_users': 'only allowed on products with user authorization',
    });
    expect(
      await rejection({
        products: [
          product('d', { policies: [policy('p', { is_default: true }), policy('p', { is_default: true })] }),
        ],
      }),
    ).toEqual({
      'products[0].policies[1].code': 'duplicate code p',
      'products[0].policies[1].is_default': 'only one policy may be the default',
    });
    expect(
      await rejection({ products: [product('pro', { authorization_method: 'user', name: 'Acme Pro' })] }),
    ).toEqual({
      'products[0].authorization_method': "cannot change an existing product's (license-key)",
    });
    const [pro] = await handle.db
      .select()
      .from(licensePolicies)
      .innerJoin(products, eq(products.id, licensePolicies.productId))
      .where(and(eq(products.shortCode, 'pro'), eq(licensePolicies.code, 'default')));
    expect(pro!.products.authorizationMethod).toBe('license-key');
  });
});

describe('parseCatalogFile', () => {
  it('reads YAML or JSON by extension and names a syntax error on the file', () => {
    expect(parseCatalogFile('{"products": []}', 'c.json')).toEqual({ products: [] });
    expect(parseCatalogFile('products: []\n', 'c.YML')).toEqual({ products: [] });
    const err = (() => {
      try {
        parseCatalogFile('products: [\n', 'c.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).fields.file).toMatch(/^c\.yaml is not valid YAML/);
  });
});
