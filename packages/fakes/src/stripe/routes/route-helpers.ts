import type { FormParams } from '../http/parse-form.js';
import type { ApiRequest } from '../http/router.js';
import { createOpsContext, type OpsContext } from '../ops/ops-context.js';
import { paginateList } from '../render/paginate-list.js';
import { renderObject } from '../render/render-object.js';
import type { StripeRecord } from '../store/stripe-record.js';

/** Operations run for an API request stamp its id and Idempotency-Key on the events they emit. */
export function opsFor(request: ApiRequest): OpsContext {
  return createOpsContext(request.state, {
    request: { id: request.requestId, idempotency_key: request.idempotencyKey ?? null },
  });
}

export function render<T extends StripeRecord>(request: ApiRequest, record: T): T {
  return renderObject(request.state.store, record);
}

/** A list endpoint's page over the stored objects of `type` (newest first) that pass `keep`. */
export function listOf<T extends StripeRecord>(
  request: ApiRequest,
  type: string,
  keep: (record: T, params: FormParams) => boolean,
) {
  const { store } = request.state;
  const records = store.all<T>(type).filter((record) => keep(record, request.params));
  return paginateList(
    records.map((record) => renderObject(store, record)),
    request.params,
    request.path,
  );
}

/** Whether `value` equals the filter, or the filter was not given. */
export function matches(filter: unknown, value: unknown): boolean {
  return filter === undefined || filter === value;
}
