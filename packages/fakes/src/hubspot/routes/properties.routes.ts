import { toBatchError } from '../errors/batch-error';
import { HubspotError, notFoundError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import { checkBatch } from '../validation/body-shape';
import { checkPropertyCreate, PROPERTY_CREATE } from '../validation/check-property-create';

const BASE = '/crm/v3/properties/{objectType}';

function createOne(ctx: RouteContext, raw: unknown) {
  const typeId = ctx.portal.resolveObjectType(ctx.params.objectType ?? '');
  const existing = ctx.portal.propertiesOf(typeId);
  const schemaName = ctx.portal.schemas.get(typeId)?.name;
  const now = ctx.now.toISOString();
  const def = checkPropertyCreate(raw, PROPERTY_CREATE, existing, {
    now,
    defaultGroup: `${schemaName}_information`,
  });
  existing.set(def.name, def);
  if (!ctx.portal.properties.has(typeId)) ctx.portal.properties.set(typeId, existing);
  return def;
}

export const propertyRoutes: Route[] = [
  route('GET', BASE, ({ portal, params, query }) => {
    const typeId = portal.resolveObjectType(params.objectType ?? '');
    const archived = query.get('archived') === 'true';
    const results = archived ? [] : [...portal.propertiesOf(typeId).values()];
    return { status: 200, body: { results } };
  }),
  route('GET', `${BASE}/{propertyName}`, ({ portal, params }) => {
    const typeId = portal.resolveObjectType(params.objectType ?? '');
    const def = portal.propertiesOf(typeId).get(params.propertyName ?? '');
    if (!def) throw notFoundError(`Unable to find property ${params.propertyName} for object type ${typeId}`);
    return { status: 200, body: def };
  }),
  route('POST', BASE, (ctx) => ({ status: 201, body: createOne(ctx, ctx.body) })),
  route('POST', `${BASE}/batch/create`, (ctx) => {
    const startedAt = ctx.now.toISOString();
    const { inputs } = checkBatch(
      ctx.body,
      { className: 'BatchInputPropertyCreate', required: ['inputs'], optional: [] },
      100,
    );
    const results = [];
    const errors = [];
    for (const input of inputs) {
      try {
        results.push(createOne(ctx, input));
      } catch (error) {
        if (
          !(error instanceof HubspotError) ||
          (error.httpStatus === 400 && error.body.category === undefined)
        )
          throw error;
        const name = (input as { name?: unknown }).name;
        errors.push(toBatchError(error, { propertyName: [String(name)] }));
      }
    }
    const body = { status: 'COMPLETE', results, startedAt, completedAt: new Date().toISOString() };
    if (errors.length === 0) return { status: 201, body };
    return { status: 207, body: { ...body, errors, numErrors: errors.length } };
  }),
  // Lets a test play "someone deleted our property in HubSpot".
  route('DELETE', `${BASE}/{propertyName}`, ({ portal, params }) => {
    const typeId = portal.resolveObjectType(params.objectType ?? '');
    const defs = portal.propertiesOf(typeId);
    const def = defs.get(params.propertyName ?? '');
    if (!def) throw notFoundError(`Unable to find property ${params.propertyName} for object type ${typeId}`);
    if (def.hubspotDefined) {
      throw new HubspotError(400, {
        message: `Property ${def.name} is HubSpot-defined and cannot be archived`,
        category: 'VALIDATION_ERROR',
      });
    }
    defs.delete(def.name);
    for (const record of portal.recordsOf(typeId).values()) delete record.properties[def.name];
    return { status: 204 };
  }),
];
