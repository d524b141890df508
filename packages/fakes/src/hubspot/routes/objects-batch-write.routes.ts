import type { BatchErrorItem } from '../errors/batch-error';
import { HubspotError, notFoundError, validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import { unassociateAll } from '../store/association-writes';
import { createRecord, findByIdProperty, prepareWrite, updateRecord } from '../store/record-writes';
import { toPublicObject } from '../store/to-public-object';
import { checkBatch } from '../validation/body-shape';
import { batchResult, perInput } from './batch-result';
import { checkObjectInputs, rejectDuplicateIds } from './check-object-inputs';
import { createWithAssociations } from './create-with-associations';

const BASE = '/crm/v3/objects/{objectType}/batch';
/** HubSpot's cap for CRM object batch endpoints. */
export const MAX_BATCH_INPUTS = 100;

const batchOf = (className: string, inputClass: string, required: string[], optional: string[]) => ({
  batch: { className, required: ['inputs'], optional: [] },
  input: { className: inputClass, required, optional },
});

const UPSERT = batchOf(
  'BatchInputSimplePublicObjectBatchInputUpsert',
  'SimplePublicObjectBatchInputUpsert',
  ['id', 'properties'],
  ['idProperty', 'objectWriteTraceId'],
);
const UPDATE = batchOf(
  'BatchInputSimplePublicObjectBatchInput',
  'SimplePublicObjectBatchInput',
  ['id', 'properties'],
  ['idProperty', 'objectWriteTraceId'],
);
const CREATE = batchOf(
  'BatchInputSimplePublicObjectBatchInputForCreate',
  'SimplePublicObjectBatchInputForCreate',
  ['properties'],
  ['associations', 'objectWriteTraceId'],
);

function upsert(ctx: RouteContext) {
  const { portal, now } = ctx;
  const typeId = portal.resolveObjectType(ctx.params.objectType ?? '');
  const inputs = checkObjectInputs(checkBatch(ctx.body, UPSERT.batch, MAX_BATCH_INPUTS).inputs, UPSERT.input);
  const missing = inputs.find((i) => !i.idProperty);
  if (missing) throw validationError(`idProperty is required to upsert (input id ${missing.id})`);
  rejectDuplicateIds(inputs);
  for (const idProperty of new Set(inputs.map((i) => i.idProperty ?? '')))
    findByIdProperty(portal, typeId, idProperty, '');
  if (ctx.failBatchOnInvalid) {
    for (const input of inputs) {
      const idProperty = input.idProperty ?? '';
      const existing = findByIdProperty(portal, typeId, idProperty, input.id);
      const raw = existing ? input.properties : { ...input.properties, [idProperty]: input.id };
      prepareWrite(portal, typeId, raw, existing);
    }
  }

  const errors: BatchErrorItem[] = [];
  const results = inputs.flatMap((input) => {
    const idProperty = input.idProperty ?? '';
    const context = {
      ids: [input.id],
      ...(input.objectWriteTraceId ? { objectWriteTraceId: [input.objectWriteTraceId] } : {}),
    };
    const result = perInput(errors, context, () => {
      const existing = findByIdProperty(portal, typeId, idProperty, input.id);
      if (existing)
        return {
          ...toPublicObject(
            updateRecord(existing, prepareWrite(portal, typeId, input.properties, existing), now),
          ),
          new: false,
        };
      // A created record takes the upsert key as its unique value.
      const values = prepareWrite(portal, typeId, { ...input.properties, [idProperty]: input.id });
      return { ...toPublicObject(createRecord(portal, typeId, values, now)), new: true };
    });
    return result ? [result] : [];
  });
  return batchResult(now, results, errors, 200);
}

function update(ctx: RouteContext) {
  const { portal, now } = ctx;
  const typeId = portal.resolveObjectType(ctx.params.objectType ?? '');
  const inputs = checkObjectInputs(checkBatch(ctx.body, UPDATE.batch, MAX_BATCH_INPUTS).inputs, UPDATE.input);
  rejectDuplicateIds(inputs);
  if (ctx.failBatchOnInvalid) {
    for (const input of inputs) {
      const record = input.idProperty
        ? findByIdProperty(portal, typeId, input.idProperty, input.id)
        : portal.liveRecord(typeId, input.id);
      if (record) prepareWrite(portal, typeId, input.properties, record);
    }
  }
  const errors: BatchErrorItem[] = [];
  const results = inputs.flatMap((input) => {
    const result = perInput(errors, { ids: [input.id] }, () => {
      const record = input.idProperty
        ? findByIdProperty(portal, typeId, input.idProperty, input.id)
        : portal.liveRecord(typeId, input.id);
      if (!record) throw notFoundError(`Could not find ${typeId} object with id ${input.id}`);
      return toPublicObject(
        updateRecord(record, prepareWrite(portal, typeId, input.properties, record), now),
      );
    });
    return result ? [result] : [];
  });
  return batchResult(now, results, errors, 200);
}

/**
 * HubSpot only answers 207 for batch create when every input carries a unique objectWriteTraceId;
 * otherwise the first bad input fails the request and nothing is written.
 */
function create(ctx: RouteContext) {
  const { portal, now } = ctx;
  const typeId = portal.resolveObjectType(ctx.params.objectType ?? '');
  const inputs = checkObjectInputs(checkBatch(ctx.body, CREATE.batch, MAX_BATCH_INPUTS).inputs, CREATE.input);
  const traceIds = inputs.map((i) => i.objectWriteTraceId);
  const multiStatus = traceIds.every(Boolean) && new Set(traceIds).size === inputs.length;
  const errors: BatchErrorItem[] = [];
  const created: string[] = [];
  const results = [];
  for (const input of inputs) {
    const context: Record<string, string[]> = input.objectWriteTraceId
      ? { objectWriteTraceId: [input.objectWriteTraceId] }
      : {};
    try {
      const record = createWithAssociations(portal, typeId, input, now);
      created.push(record.id);
      results.push(toPublicObject(record));
    } catch (error) {
      if (!multiStatus || !(error instanceof HubspotError)) {
        for (const id of created) {
          unassociateAll(portal, typeId, id);
          portal.recordsOf(typeId).delete(id);
        }
        throw error;
      }
      perInput(errors, context, () => {
        throw error;
      });
    }
  }
  return batchResult(now, results, errors, 201);
}

export const objectBatchWriteRoutes: Route[] = [
  route('POST', `${BASE}/upsert`, upsert),
  route('POST', `${BASE}/update`, update),
  route('POST', `${BASE}/create`, create),
];
