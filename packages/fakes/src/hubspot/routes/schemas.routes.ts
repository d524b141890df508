import { notFoundError, validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import { defineCustomAssociation } from '../store/define-custom-association';
import { toObjectSchema } from '../store/to-object-schema';
import { checkShape } from '../validation/body-shape';
import { checkPropertyReferences, createSchema } from './create-schema';

const BASE = '/crm-object-schemas/v3/schemas';

const OBJECT_TYPE_DEFINITION_PATCH = {
  className: 'ObjectTypeDefinitionPatch',
  required: [],
  optional: [
    'allowsSensitiveProperties',
    'clearDescription',
    'description',
    'labels',
    'primaryDisplayProperty',
    'requiredProperties',
    'restorable',
    'searchableProperties',
    'secondaryDisplayProperties',
  ],
};

/** Schema routes accept `p_<name>` too (documented for schema reads); a miss is a 404 here. */
function schemaFor({ portal, params }: RouteContext) {
  const typeId = portal.resolveObjectType(params.objectType ?? '', {
    allowShortName: true,
    notFoundStatus: 404,
  });
  const schema = portal.schemas.get(typeId);
  if (!schema) throw notFoundError(`${params.objectType} is not a custom object schema`);
  return schema;
}

export const schemaRoutes: Route[] = [
  route('GET', BASE, ({ portal, query }) => {
    const archived = query.get('archived') === 'true';
    const results = [...portal.schemas.values()].filter((s) => s.archived === archived);
    return { status: 200, body: { results: results.map((s) => toObjectSchema(portal, s)) } };
  }),
  route('POST', BASE, (ctx) => ({ status: 201, body: toObjectSchema(ctx.portal, createSchema(ctx)) })),
  route('GET', `${BASE}/{objectType}`, (ctx) => ({
    status: 200,
    body: toObjectSchema(ctx.portal, schemaFor(ctx)),
  })),
  route('PATCH', `${BASE}/{objectType}`, (ctx) => {
    const schema = schemaFor(ctx);
    const patch = checkShape(ctx.body, OBJECT_TYPE_DEFINITION_PATCH);
    checkPropertyReferences(patch, new Set(ctx.portal.propertiesOf(schema.objectTypeId).keys()));
    const { clearDescription, restorable: _restorable, ...fields } = patch;
    Object.assign(schema, fields, { updatedAt: ctx.now.toISOString() });
    if (clearDescription === true) delete schema.description;
    const { associations: _associations, ...definition } = schema;
    return { status: 200, body: definition };
  }),
  route('DELETE', `${BASE}/{objectType}`, (ctx) => {
    const schema = schemaFor(ctx);
    const live = [...ctx.portal.recordsOf(schema.objectTypeId).values()].filter((r) => !r.archived);
    if (live.length > 0) {
      throw validationError(
        `Object type ${schema.objectTypeId} still has ${live.length} records; delete them before deleting the schema`,
      );
    }
    // A soft delete keeps the name taken; only `?archived=true` (hard delete) frees it for reuse.
    if (ctx.query.get('archived') === 'true') {
      ctx.portal.schemas.delete(schema.objectTypeId);
    } else {
      schema.archived = true;
    }
    return { status: 204 };
  }),
  route('POST', `${BASE}/{objectType}/associations`, (ctx) => {
    const schema = schemaFor(ctx);
    const egg = checkShape(ctx.body, {
      className: 'AssociationDefinitionEgg',
      required: ['fromObjectTypeId', 'toObjectTypeId'],
      optional: ['name'],
    });
    const from = ctx.portal.resolveObjectType(String(egg.fromObjectTypeId));
    const to = ctx.portal.resolveObjectType(String(egg.toObjectTypeId));
    if (from !== schema.objectTypeId && to !== schema.objectTypeId) {
      throw validationError(`Association must involve ${schema.objectTypeId}`);
    }
    const name = typeof egg.name === 'string' ? egg.name : undefined;
    const definition = defineCustomAssociation(ctx.portal, from, to, name, ctx.now.toISOString());
    schema.associations.push(definition);
    return { status: 201, body: definition };
  }),
];
