import type { BatchErrorItem } from '../errors/batch-error';
import { HubspotError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import {
  associate,
  defaultAssociationType,
  findAssociationType,
  unassociate,
} from '../store/association-writes';
import { toAssociatedObject, toLabelsBetween } from '../store/to-association-views';
import { checkArray, checkBatch, checkShape } from '../validation/body-shape';
import { batchResult, perInput } from './batch-result';
import { checkSpecs, objectId } from './check-association-inputs';

const BASE = '/crm/v4/associations/{fromObjectType}/{toObjectType}';
/** Reads are capped at 1,000 inputs (2025-02-10); writes are reported to take ~2,000. */
const MAX = { read: 1_000, write: 2_000 };

const pairOf = (ctx: RouteContext) => ({
  fromType: ctx.portal.resolveObjectType(ctx.params.fromObjectType ?? ''),
  toType: ctx.portal.resolveObjectType(ctx.params.toObjectType ?? ''),
});

/** When no input of a write landed the request fails as a whole; otherwise failures are 207 entries. */
function writeResult(ctx: RouteContext, results: unknown[], errors: BatchErrorItem[], okStatus: number) {
  const [first] = errors;
  if (first && results.length === 0) {
    throw new HubspotError(400, {
      message: first.message,
      category: 'VALIDATION_ERROR',
      subCategory: 'crm.associations.INVALID_OBJECT_IDS',
      context: first.context,
    });
  }
  return batchResult(ctx.now, results, errors, okStatus);
}

function createDefault(ctx: RouteContext) {
  const { fromType, toType } = pairOf(ctx);
  const shape = {
    className: 'BatchInputPublicDefaultAssociationMultiPost',
    required: ['inputs'],
    optional: [],
  };
  const { inputs } = checkBatch(ctx.body, shape, MAX.write);
  const type = defaultAssociationType(ctx.portal, fromType, toType);
  const inverse = defaultAssociationType(ctx.portal, toType, fromType);
  const errors: BatchErrorItem[] = [];
  const results = inputs.flatMap((raw) => {
    const input = checkShape(raw, {
      className: 'PublicDefaultAssociationMultiPost',
      required: ['from', 'to'],
      optional: [],
    });
    const [fromId, toId] = [objectId(input.from), objectId(input.to)];
    const ok = perInput(errors, { fromObjectId: [fromId], toObjectId: [toId] }, () => {
      associate(ctx.portal, fromType, fromId, toType, toId, type);
      return true;
    });
    if (!ok) return [];
    const spec = (t: typeof type) => ({ associationCategory: t.category, associationTypeId: t.typeId });
    return [
      { from: { id: fromId }, to: { id: toId }, associationSpec: spec(type) },
      { from: { id: toId }, to: { id: fromId }, associationSpec: spec(inverse) },
    ];
  });
  return writeResult(ctx, results, errors, 200);
}

function create(ctx: RouteContext) {
  const { fromType, toType } = pairOf(ctx);
  const shape = { className: 'BatchInputPublicAssociationMultiPost', required: ['inputs'], optional: [] };
  const { inputs } = checkBatch(ctx.body, shape, MAX.write);
  const errors: BatchErrorItem[] = [];
  const results = inputs.flatMap((raw) => {
    const input = checkShape(raw, {
      className: 'PublicAssociationMultiPost',
      required: ['from', 'to', 'types'],
      optional: [],
    });
    const [fromId, toId] = [objectId(input.from), objectId(input.to)];
    const specs = checkSpecs(input.types);
    const result = perInput(errors, { fromObjectId: [fromId], toObjectId: [toId] }, () => {
      const types = specs.map((spec) => findAssociationType(ctx.portal, fromType, toType, spec));
      for (const type of types) associate(ctx.portal, fromType, fromId, toType, toId, type);
      return toLabelsBetween(fromType, fromId, toType, toId, types);
    });
    return result ? [result] : [];
  });
  return writeResult(ctx, results, errors, 201);
}

function read(ctx: RouteContext) {
  const { fromType, toType } = pairOf(ctx);
  const shape = {
    className: 'BatchInputPublicFetchAssociationsBatchRequest',
    required: ['inputs'],
    optional: [],
  };
  const { inputs } = checkBatch(ctx.body, shape, MAX.read);
  const errors: BatchErrorItem[] = [];
  const results = inputs.flatMap((raw) => {
    const id = objectId(
      checkShape(raw, {
        className: 'PublicFetchAssociationsBatchRequest',
        required: ['id'],
        optional: ['after'],
      }),
    );
    const targets = [...ctx.portal.edgesFrom(fromType, id, toType).entries()].filter(
      ([, types]) => types.length > 0,
    );
    if (targets.length === 0) {
      errors.push({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${toType} is associated with ${fromType} ${id}.`,
        context: { fromObjectId: [id] },
        errors: [],
        links: {},
      });
      return [];
    }
    return [{ from: { id }, to: targets.map(([toId, types]) => toAssociatedObject(toId, types)) }];
  });
  return batchResult(ctx.now, results, errors, 200);
}

function archive(ctx: RouteContext) {
  const { fromType, toType } = pairOf(ctx);
  const shape = { className: 'BatchInputPublicAssociationMultiArchive', required: ['inputs'], optional: [] };
  for (const raw of checkBatch(ctx.body, shape, MAX.write).inputs) {
    const input = checkShape(raw, {
      className: 'PublicAssociationMultiArchive',
      required: ['from', 'to'],
      optional: [],
    });
    const fromId = objectId(input.from);
    for (const to of checkArray(input.to, 'to'))
      unassociate(ctx.portal, fromType, fromId, toType, objectId(to));
  }
  return { status: 204 };
}

export const associationBatchRoutes: Route[] = [
  route('POST', `${BASE}/batch/associate/default`, createDefault),
  route('POST', `${BASE}/batch/create`, create),
  route('POST', `${BASE}/batch/read`, read),
  route('POST', `${BASE}/batch/archive`, archive),
];
