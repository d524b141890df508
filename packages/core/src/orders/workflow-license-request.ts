import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);

/**
 * The customer of a workflow's order, from the action's "add customer to the order" fields and
 * the enrolled record's properties. Empty strings are what HubSpot sends for unset properties.
 */
export const workflowCustomer = z.object({
  email: text(320).optional(),
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  company: text(200).optional(),
  companyDomain: text(253).optional(),
  phone: text(40).optional(),
});

/**
 * One execution of the "Create License" workflow action, as the api read it from HubSpot's
 * request. `callbackId` names the execution: HubSpot sends it again on every retry.
 */
export const workflowLicenseRequest = z.object({
  callbackId: z.string().min(1).max(200),
  portalId: z.string().regex(/^\d+$/),
  workflowId: z.string().nullable(),
  /** The enrolled record; a deal's licenses are associated with it. */
  object: z.object({ type: z.enum(['contact', 'company', 'deal']), id: z.string().regex(/^\d+$/) }),
  product: z.string().min(1).max(100),
  policy: z.string().min(1).max(100).optional(),
  quantity: z.int().min(1).max(1000),
  customer: workflowCustomer,
});

export type WorkflowCustomer = z.infer<typeof workflowCustomer>;
export type WorkflowLicenseRequest = z.infer<typeof workflowLicenseRequest>;
