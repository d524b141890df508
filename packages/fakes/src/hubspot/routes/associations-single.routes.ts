import { validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import {
  associate,
  defaultAssociationType,
  findAssociationType,
  requireLiveRecord,
  unassociate,
} from '../store/association-writes';
import { toAssociatedObject, toLabelsBetween } from '../store/to-association-views';
import { checkSpecs } from './check-association-inputs';

const OBJECT = '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}';
/** HubSpot's page cap for listing one record's associations. */
const MAX_PAGE = 500;

function ends(ctx: RouteContext) {
  const { portal, params } = ctx;
  return {
    fromType: portal.resolveObjectType(params.objectType ?? params.fromObjectType ?? ''),
    fromId: params.objectId ?? params.fromObjectId ?? '',
    toType: portal.resolveObjectType(params.toObjectType ?? ''),
    toId: params.toObjectId ?? '',
  };
}

function labels(ctx: RouteContext) {
  const fromType = ctx.portal.resolveObjectType(ctx.params.fromObjectType ?? '');
  const toType = ctx.portal.resolveObjectType(ctx.params.toObjectType ?? '');
  return { status: 200, body: { results: ctx.portal.associationTypesBetween(fromType, toType) } };
}

export const associationSingleRoutes: Route[] = [
  route('GET', OBJECT, (ctx) => {
    const { fromType, fromId, toType } = ends(ctx);
    requireLiveRecord(ctx.portal, fromType, fromId);
    const limit = Number(ctx.query.get('limit') ?? MAX_PAGE);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw validationError(`limit must be between 1 and ${MAX_PAGE}`);
    const all = [...ctx.portal.edgesFrom(fromType, fromId, toType).entries()].filter(
      ([, types]) => types.length > 0,
    );
    const after = Number(ctx.query.get('after') ?? 0);
    const page = all.slice(after, after + limit);
    return {
      status: 200,
      body: {
        results: page.map(([toId, types]) => toAssociatedObject(toId, types)),
        ...(after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {}),
      },
    };
  }),
  route('PUT', `${OBJECT}/{toObjectId}`, (ctx) => {
    const { fromType, fromId, toType, toId } = ends(ctx);
    const types = checkSpecs(ctx.body).map((spec) => findAssociationType(ctx.portal, fromType, toType, spec));
    for (const type of types) associate(ctx.portal, fromType, fromId, toType, toId, type);
    return { status: 201, body: toLabelsBetween(fromType, fromId, toType, toId, types) };
  }),
  route('DELETE', `${OBJECT}/{toObjectId}`, (ctx) => {
    const { fromType, fromId, toType, toId } = ends(ctx);
    unassociate(ctx.portal, fromType, fromId, toType, toId);
    return { status: 204 };
  }),
  route(
    'PUT',
    '/crm/v4/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}',
    (ctx) => {
      const { fromType, fromId, toType, toId } = ends(ctx);
      const type = defaultAssociationType(ctx.portal, fromType, toType);
      const inverse = defaultAssociationType(ctx.portal, toType, fromType);
      associate(ctx.portal, fromType, fromId, toType, toId, type);
      const spec = (t: typeof type) => ({ associationCategory: t.category, associationTypeId: t.typeId });
      const now = ctx.now.toISOString();
      return {
        status: 200,
        body: {
          status: 'COMPLETE',
          results: [
            { from: { id: fromId }, to: { id: toId }, associationSpec: spec(type) },
            { from: { id: toId }, to: { id: fromId }, associationSpec: spec(inverse) },
          ],
          startedAt: now,
          completedAt: now,
        },
      };
    },
  ),
  route('GET', '/crm/v4/associations/{fromObjectType}/{toObjectType}/labels', labels),
  // The SDK's LabelsApi spells the same endpoint with the segments swapped.
  route('GET', '/crm/associations/v4/{fromObjectType}/{toObjectType}/labels', labels),
];
