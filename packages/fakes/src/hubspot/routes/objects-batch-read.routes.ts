import { validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import { unassociateAll } from '../store/association-writes';
import { findByIdProperty } from '../store/record-writes';
import { toPublicObject } from '../store/to-public-object';
import { checkArray, checkBatch, checkShape, checkString } from '../validation/body-shape';
import { batchResult } from './batch-result';
import { MAX_BATCH_INPUTS } from './objects-batch-write.routes';

const BASE = '/crm/v3/objects/{objectType}/batch';
/** HubSpot lowers the batch-read cap when histories are requested. */
const MAX_INPUTS_WITH_HISTORY = 50;

const READ = {
  className: 'BatchReadInputSimplePublicObjectId',
  required: ['inputs'],
  optional: ['idProperty', 'properties', 'propertiesWithHistory'],
};
const ID = { className: 'SimplePublicObjectId', required: ['id'], optional: [] };

function read(ctx: RouteContext) {
  const { portal, now } = ctx;
  const typeId = portal.resolveObjectType(ctx.params.objectType ?? '');
  const { body, inputs } = checkBatch(ctx.body, READ, MAX_BATCH_INPUTS);
  const ids = inputs.map((i) => checkString(checkShape(i, ID).id, 'id'));
  const properties =
    body.properties === undefined ? [] : checkArray(body.properties, 'properties').map(String);
  const withHistory =
    body.propertiesWithHistory === undefined
      ? []
      : checkArray(body.propertiesWithHistory, 'propertiesWithHistory').map(String);
  if (withHistory.length > 0 && ids.length > MAX_INPUTS_WITH_HISTORY) {
    throw validationError(
      `The maximum number of inputs supported in a batch request for property histories is ${MAX_INPUTS_WITH_HISTORY}. Please reduce the number of items and try again`,
    );
  }
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
  const archived = ctx.query.get('archived') === 'true';
  const missing: string[] = [];
  const results = [];
  for (const id of ids) {
    const record = idProperty
      ? findByIdProperty(portal, typeId, idProperty, id)
      : portal.recordsOf(typeId).get(id);
    if (!record || record.archived !== archived) {
      missing.push(id);
      continue;
    }
    const history = Object.fromEntries(
      withHistory.map((name) => [
        name,
        record.properties[name] === undefined
          ? []
          : [
              {
                value: record.properties[name],
                timestamp: record.updatedAt.toISOString(),
                sourceType: 'API',
              },
            ],
      ]),
    );
    results.push({
      ...toPublicObject(record, properties),
      ...(withHistory.length ? { propertiesWithHistory: history } : {}),
    });
  }
  const errors = missing.length
    ? [
        {
          status: 'error' as const,
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${typeId} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
          errors: [],
          links: {},
        },
      ]
    : [];
  return batchResult(now, results, errors, 200);
}

function archive(ctx: RouteContext) {
  const { portal, now } = ctx;
  const typeId = portal.resolveObjectType(ctx.params.objectType ?? '');
  const { inputs } = checkBatch(
    ctx.body,
    { className: 'BatchInputSimplePublicObjectId', required: ['inputs'], optional: [] },
    MAX_BATCH_INPUTS,
  );
  for (const input of inputs) {
    const id = checkString(checkShape(input, ID).id, 'id');
    const record = portal.liveRecord(typeId, id);
    if (!record) continue; // HubSpot answers 204 for ids that are already gone.
    record.archived = true;
    record.updatedAt = now;
    unassociateAll(portal, typeId, id);
  }
  return { status: 204 };
}

export const objectBatchReadRoutes: Route[] = [
  route('POST', `${BASE}/read`, read),
  route('POST', `${BASE}/archive`, archive),
];
