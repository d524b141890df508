import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../src/app-deps';
import { ADMIN_OPERATIONS } from '../src/openapi/admin-operations';
import { openapiRoute } from '../src/openapi/openapi.route';
import { adminRoute } from '../src/routes/admin/admin.route';
import { type ApiStack, startApi } from './support/start-api';

let stack: ApiStack;
// biome-ignore lint/suspicious/noExplicitAny: the document is checked by the assertions below
let doc: any;

beforeAll(async () => {
  stack = await startApi();
  const res = await fetch(`${stack.api.url}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
});
afterAll(() => stack.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD /path` an express router serves, sub-routers included, in OpenAPI form. */
function mountedRoutes(...routers: Router[]): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
        for (const method of Object.keys(layer.route.methods)) out.push(`${method.toUpperCase()} ${path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  for (const router of routers) walk((router as unknown as { stack: Layer[] }).stack);
  return out.sort();
}

interface MediaDoc {
  schema: object;
  example?: unknown;
}
interface OperationDoc {
  parameters: unknown[];
  requestBody?: { content: Record<string, MediaDoc> };
  responses: Record<string, { content?: Record<string, MediaDoc> }>;
}

const documented = () =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document, readable without the token', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.bearer.description).toMatch(/operator key.*read.*403/s);
  });

  it('names the workspace header on every guarded operation, and a 403 for read-only keys on writes', () => {
    expect(doc.components.parameters.Workspace).toMatchObject({ name: 'Licensync-Workspace', in: 'header' });
    let guarded = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, OperationDoc>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/openapi.json') continue;
        guarded++;
        expect(op.parameters, `${method} ${path}`).toContainEqual({
          $ref: '#/components/parameters/Workspace',
        });
        expect(Object.keys(op.responses).includes('403'), `${method} ${path}`).toBe(method !== 'get');
      }
    }
    expect(guarded).toBeGreaterThan(40);
  });

  it('describes every route the admin routers mount, and no route it does not', () => {
    const deps = { config: { ADMIN_TOKEN: 'x' } } as unknown as AppDeps;
    const mounted = mountedRoutes(adminRoute(deps), openapiRoute());
    expect(mounted.length).toBeGreaterThan(35);
    expect(documented()).toEqual(mounted);
  });

  it('every example validates against the schema the document gives for it', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, OperationDoc>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const contents = [
          op.requestBody?.content['application/json'],
          ...Object.values(op.responses).map((r) => r.content?.['application/json']),
        ];
        for (const content of contents) {
          if (content?.example === undefined) continue;
          const validate = ajv.compile(content.schema as object);
          const ok = validate(content.example);
          expect(ok, `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  it('every request example passes the zod schema its handler parses with', () => {
    for (const op of ADMIN_OPERATIONS) {
      if (op.example?.request === undefined) continue;
      const parsed = op.body!.safeParse(op.example.request);
      expect(parsed.success, `${op.method} ${op.path}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('the order example is the contract: the request gets the answer’s shape from the live api', async () => {
    await stack.call('POST', '/catalog/import', {
      products: [
        {
          short_code: 'pro',
          name: 'Pro',
          authorization_method: 'license-key',
          features: [{ code: 'export', name: 'Export' }],
          custom_fields: [{ name: 'tier', default_value: 'standard' }],
          policies: [{ code: 'annual', name: 'Annual', license_type: 'time-limited', valid_duration: '1y' }],
        },
      ],
    });
    const op = doc.paths['/orders'].post;
    const res = await stack.call('POST', '/orders', op.requestBody.content['application/json'].example);
    expect(res.status).toBe(201);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(op.responses['201'].content['application/json'].schema);
    expect(validate(res.body), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('a schema refuses what the handler refuses: an unknown field in an order body', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const op = doc.paths['/orders'].post;
    const validate = ajv.compile(op.requestBody.content['application/json'].schema);
    expect(validate({ ...op.requestBody.content['application/json'].example, colour: 'red' })).toBe(false);
  });
});
