import { WORKSPACE_SLUG } from '@licensync/core/workspaces';
import { WORKSPACE_HEADER } from '../routes/admin/request-workspace';
import type { AdminOperation } from './admin-operation';
import { errorJson } from './response-schemas';
import { toJsonSchema } from './to-json-schema';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: `fields` names each bad field',
  401: 'Missing or wrong bearer token',
  403: 'A read-only operator key on a write',
  404: 'Not found, or no workspace of the slug `Licensync-Workspace` names',
  409: 'Conflict: `fields` names the field',
  422: 'Cannot be done as asked: `fields` names the field to change',
  503: 'A dependency is down',
};

function parameters(op: AdminOperation): Record<string, unknown>[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query: Record<string, unknown>[] = [];
  if (op.query) {
    const json = toJsonSchema(op.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      query.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
    }
  }
  const headers = (op.headers ?? []).map((h) => ({
    name: h.name,
    in: 'header',
    required: false,
    description: h.description,
    schema: toJsonSchema(h.schema),
  }));
  // Every admin request may name its workspace; the document itself is the same for all.
  const workspace = op.public ? [] : [{ $ref: '#/components/parameters/Workspace' }];
  return [...path, ...query, ...headers, ...workspace];
}

function toOperationObject(op: AdminOperation) {
  const status = String(op.status ?? 200);
  const guarded = op.public ? [] : [401, ...(op.method === 'get' ? [] : [403]), 404];
  const errors = [...new Set([400, ...guarded, ...(op.errors ?? [])])].sort((a, b) => a - b);
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[/._](\w)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.public && { security: [] }),
    parameters: parameters(op),
    ...(op.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: toJsonSchema(op.body),
            ...(op.example?.request !== undefined && { example: op.example.request }),
          },
        },
      },
    }),
    responses: {
      [status]: {
        description: 'OK',
        content: {
          'application/json': {
            schema: toJsonSchema(op.response ?? errorJson, 'output'),
            ...(op.example?.response !== undefined && { example: op.example.response }),
          },
        },
      },
      ...Object.fromEntries(
        errors.map((code) => [
          code,
          {
            description: ERROR_TEXT[code],
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  };
}

/** The admin API as an OpenAPI 3.1 document, built from the zod schemas its handlers parse with. */
export function toOpenApiDocument(operations: AdminOperation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = toOperationObject(op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'licensync admin API',
      version,
      description:
        'Bearer ADMIN_TOKEN or a named operator key, snake_case JSON, on the workspace the `Licensync-Workspace` header names (the default workspace without it). Errors answer `{ error, fields? }`.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'ADMIN_TOKEN (the bootstrap key) or a named operator key (`lsk_…`, `licensync keys create`). A key of scope `read` gets 403 on anything but GET; the history records which key acted.',
        },
      },
      parameters: {
        Workspace: {
          name: WORKSPACE_HEADER,
          in: 'header',
          required: false,
          description:
            'The slug of the workspace the request acts on; absent = the default workspace, unknown = 404. Workspaces and operator keys are install-wide.',
          schema: { type: 'string', pattern: WORKSPACE_SLUG.source },
        },
      },
      schemas: { Error: toJsonSchema(errorJson, 'output') },
    },
    paths,
  };
}
