import { validationError } from '../errors/hubspot-error';
import { type Route, type RouteContext, route } from '../http/route';
import { checkArray, checkShape, checkString, isJsonObject } from '../validation/body-shape';

// The spec lists `typedOutputs` as required, but the SDK (14.x) sends `outputFields` alone and
// HubSpot accepts that, so the fake does too.
const COMPLETION = {
  className: 'CallbackCompletionRequest',
  required: ['outputFields'],
  optional: ['typedOutputs', 'failureReasonType', 'requestContext'],
};

function complete(ctx: RouteContext, callbackId: string, raw: unknown): void {
  const body = checkShape(raw, COMPLETION);
  if (!isJsonObject(body.outputFields)) throw validationError('outputFields must be an object');
  const outputFields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body.outputFields))
    outputFields[name] = checkString(value, name);
  const state = outputFields.hs_execution_state;
  if (state !== undefined && !['SUCCESS', 'FAIL_CONTINUE'].includes(state)) {
    throw validationError(`hs_execution_state must be SUCCESS or FAIL_CONTINUE, not ${state}`);
  }
  ctx.portal.callbackCompletions.push({ callbackId, outputFields, completedAt: ctx.now });
}

/** Completing workflow actions that answered BLOCK; every completion is recorded for tests. */
export const actionCallbackRoutes: Route[] = [
  route('POST', '/automation/v4/actions/callbacks/{callbackId}/complete', (ctx) => {
    complete(ctx, ctx.params.callbackId ?? '', ctx.body);
    return { status: 204 };
  }),
  route('POST', '/automation/v4/actions/callbacks/complete', (ctx) => {
    const body = checkShape(ctx.body, {
      className: 'BatchInputCallbackCompletionBatchRequest',
      required: ['inputs'],
      optional: [],
    });
    for (const input of checkArray(body.inputs, 'inputs')) {
      const item = checkShape(input, {
        className: 'CallbackCompletionBatchRequest',
        required: ['callbackId', 'outputFields'],
        optional: ['typedOutputs'],
      });
      const { callbackId, ...rest } = item;
      complete(ctx, checkString(callbackId, 'callbackId'), rest);
    }
    return { status: 204 };
  }),
];
