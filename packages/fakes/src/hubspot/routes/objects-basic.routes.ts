import { notFoundError, validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import { unassociateAll } from '../store/association-writes';
import { checkPropertiesMap, findByIdProperty, prepareWrite, updateRecord } from '../store/record-writes';
import { requestedProperties, toPublicObject } from '../store/to-public-object';
import { checkShape } from '../validation/body-shape';
import { createWithAssociations } from './create-with-associations';

const BASE = '/crm/v3/objects/{objectType}';
/** HubSpot's page cap for the list endpoint. */
const MAX_PAGE = 100;

function findRecord(ctx: RouteContext) {
  const typeId = ctx.portal.resolveObjectType(ctx.params.objectType ?? '');
  const id = ctx.params.objectId ?? '';
  const idProperty = ctx.query.get('idProperty');
  const record = idProperty
    ? findByIdProperty(ctx.portal, typeId, idProperty, id)
    : ctx.portal.liveRecord(typeId, id);
  if (!record || record.archived !== (ctx.query.get('archived') === 'true')) {
    throw notFoundError('Object not found.  objectId are usually numeric.', { context: { id: [id] } });
  }
  return { typeId, record };
}

export const objectBasicRoutes: Route[] = [
  route('GET', BASE, (ctx) => {
    const typeId = ctx.portal.resolveObjectType(ctx.params.objectType ?? '');
    const limit = Number(ctx.query.get('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw validationError(`limit must be between 1 and ${MAX_PAGE}`);
    const archived = ctx.query.get('archived') === 'true';
    const all = [...ctx.portal.recordsOf(typeId).values()].filter((r) => r.archived === archived);
    const start = all.findIndex((r) => Number(r.id) > Number(ctx.query.get('after') ?? 0));
    const page = start < 0 ? [] : all.slice(start, start + limit);
    const next = start >= 0 && start + limit < all.length ? page.at(-1)?.id : undefined;
    return {
      status: 200,
      body: {
        results: page.map((r) => toPublicObject(r, requestedProperties(ctx.query))),
        ...(next ? { paging: { next: { after: next, link: '' } } } : {}),
      },
    };
  }),
  route('POST', BASE, (ctx) => {
    const typeId = ctx.portal.resolveObjectType(ctx.params.objectType ?? '');
    const body = checkShape(ctx.body, {
      className: 'SimplePublicObjectInputForCreate',
      required: ['properties'],
      optional: ['associations'],
    });
    const record = createWithAssociations(
      ctx.portal,
      typeId,
      { id: '', properties: checkPropertiesMap(body.properties), raw: body },
      ctx.now,
    );
    return { status: 201, body: toPublicObject(record) };
  }),
  route('GET', `${BASE}/{objectId}`, (ctx) => {
    const { record } = findRecord(ctx);
    return { status: 200, body: toPublicObject(record, requestedProperties(ctx.query)) };
  }),
  route('PATCH', `${BASE}/{objectId}`, (ctx) => {
    const { typeId, record } = findRecord(ctx);
    const body = checkShape(ctx.body, {
      className: 'SimplePublicObjectInput',
      required: ['properties'],
      optional: [],
    });
    const values = prepareWrite(ctx.portal, typeId, checkPropertiesMap(body.properties), record);
    return { status: 200, body: toPublicObject(updateRecord(record, values, ctx.now)) };
  }),
  route('DELETE', `${BASE}/{objectId}`, (ctx) => {
    const typeId = ctx.portal.resolveObjectType(ctx.params.objectType ?? '');
    const record = ctx.portal.liveRecord(typeId, ctx.params.objectId ?? '');
    if (record) {
      record.archived = true;
      record.updatedAt = ctx.now;
      unassociateAll(ctx.portal, typeId, record.id);
    }
    return { status: 204 };
  }),
];
