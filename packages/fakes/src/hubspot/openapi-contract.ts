import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The repo root: the nearest folder above `from` holding `pnpm-workspace.yaml`. */
export function findRepoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** HubSpot's specs live beside the clone, not in it (CI checks them out to `../shared`). */
export const defaultSpecsDir = () => path.resolve(findRepoRoot(), '../shared/reference/hubspot-openapi');

interface Operation {
  specId: string;
  template: string;
  method: string;
  regex: RegExp;
  literalSegments: number;
  bodySchema?: unknown;
  bodyRequired: boolean;
  queryParams: Set<string>;
}

export interface ContractCheck {
  /** `file.json METHOD /template` of the matched operation. */
  operation?: string;
  errors: string[];
}

export interface HubspotContract {
  readonly specsDir: string;
  readonly specsPresent: boolean;
  /** Checks a request against the spec operation it targets: the operation exists, query names, JSON body. */
  check(request: {
    method: string;
    path: string;
    query?: Record<string, unknown>;
    body?: unknown;
  }): ContractCheck;
}

type Json = Record<string, unknown>;

function toOperations(specId: string, spec: Json): Operation[] {
  const parameters = ((spec.components as Json | undefined)?.parameters ?? {}) as Record<string, Json>;
  const resolveParam = (p: Json) =>
    typeof p.$ref === 'string' ? (parameters[p.$ref.replace('#/components/parameters/', '')] ?? {}) : p;
  return Object.entries(spec.paths as Record<string, Json>).flatMap(([template, item]) => {
    const shared = ((item.parameters as Json[] | undefined) ?? []).map(resolveParam);
    const segments = template.split('/').filter(Boolean);
    const regex = new RegExp(`^/${segments.map((s) => (s.startsWith('{') ? '[^/]+' : s)).join('/')}/?$`);
    return Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, raw]) => {
        const op = raw as Json;
        const params = [...shared, ...((op.parameters as Json[] | undefined) ?? []).map(resolveParam)];
        const requestBody = op.requestBody as Json | undefined;
        const content = requestBody?.content as Record<string, Json> | undefined;
        return {
          specId,
          template,
          method: method.toUpperCase(),
          regex,
          literalSegments: segments.filter((s) => !s.startsWith('{')).length,
          bodySchema: content?.['application/json']?.schema,
          bodyRequired: requestBody?.required === true,
          queryParams: new Set(params.filter((p) => p.in === 'query').map((p) => String(p.name))),
        };
      });
  });
}

/** Loads every spec in `specsDir`; with the folder missing, `specsPresent` is false and nothing is checked. */
export function loadHubspotContract(specsDir = defaultSpecsDir()): HubspotContract {
  const files = existsSync(specsDir) ? readdirSync(specsDir).filter((f) => f.endsWith('.json')) : [];
  // OpenAPI 3.0 keywords (`nullable`, `example`, int32 formats) are not JSON Schema: hence strict: false.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
  const operations: Operation[] = [];
  for (const file of files) {
    const spec = JSON.parse(readFileSync(path.join(specsDir, file), 'utf8')) as Json;
    const specId = `hubspot:${file}`;
    ajv.addSchema({ $id: specId, components: spec.components ?? {} });
    operations.push(...toOperations(specId, spec));
  }
  // Literal segments win: `/crm/v3/objects/contacts/...` is checked against the contacts spec.
  operations.sort((a, b) => b.literalSegments - a.literalSegments);
  const validators = new Map<Operation, ValidateFunction>();
  const validatorFor = (op: Operation) => {
    let validate = validators.get(op);
    if (!validate) {
      // Re-anchor the operation's local `#/components/...` refs on the spec they came from.
      const text = JSON.stringify(op.bodySchema).replaceAll('"#/components/', `"${op.specId}#/components/`);
      validate = ajv.compile(JSON.parse(text));
      validators.set(op, validate);
    }
    return validate;
  };

  return {
    specsDir,
    specsPresent: files.length > 0,
    check({ method, path: requestPath, query = {}, body }) {
      const op = operations.find((o) => o.method === method.toUpperCase() && o.regex.test(requestPath));
      if (!op) return { errors: [`no operation in the specs for ${method} ${requestPath}`] };
      const errors: string[] = [];
      for (const name of Object.keys(query)) {
        if (!op.queryParams.has(name)) errors.push(`query parameter "${name}" is not declared`);
      }
      if (body === undefined) {
        if (op.bodyRequired) errors.push('request body is required');
      } else if (!op.bodySchema) {
        errors.push('operation takes no JSON body');
      } else {
        const validate = validatorFor(op);
        if (!validate(body)) {
          errors.push(
            ...(validate.errors ?? []).map(
              (e) => `body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
            ),
          );
        }
      }
      return { operation: `${op.specId.replace('hubspot:', '')} ${op.method} ${op.template}`, errors };
    },
  };
}
