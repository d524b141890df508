import { z } from 'zod';

const recordId = z.union([z.int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);
/** HubSpot sends input values as strings, numbers or booleans; unset ones as "" or null. */
const inputValue = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? undefined : String(v)));

/** The "Create License" execution request HubSpot POSTs to the action URL (extra fields ignored). */
export const workflowExecutionBody = z.object({
  callbackId: z.string().min(1).max(200),
  origin: z.looseObject({ portalId: recordId }),
  context: z.looseObject({ workflowId: recordId.optional() }).optional(),
  object: z.looseObject({
    objectId: recordId,
    objectType: z.string().min(1).max(40),
    properties: z.record(z.string(), inputValue).optional(),
  }),
  inputFields: z.record(z.string(), inputValue).default({}),
});

export type WorkflowExecutionBody = z.output<typeof workflowExecutionBody>;

/** The options fetch HubSpot POSTs to a field's `optionsUrl` while a workflow is edited. */
export const workflowOptionsBody = z.object({
  origin: z.looseObject({ portalId: recordId }),
  inputFieldName: z.string().optional(),
  /** Other fields' current values, e.g. `{ product: { type: 'STATIC_VALUE', value: 'pro' } }`. */
  inputFields: z
    .record(z.string(), z.looseObject({ value: inputValue }).nullable())
    .optional()
    .default({}),
  fetchOptions: z
    .looseObject({ q: z.string().max(200).optional(), after: z.string().max(20).optional() })
    .optional(),
});

export type WorkflowOptionsBody = z.output<typeof workflowOptionsBody>;
