import { InvalidInputError } from '@licensync/core/errors';
import type { WorkflowLicenseRequest } from '@licensync/core/orders';
import type { WorkflowExecutionBody } from './workflow-action-bodies';

const OBJECT_TYPES: Record<string, WorkflowLicenseRequest['object']['type']> = {
  CONTACT: 'contact',
  '0-1': 'contact',
  COMPANY: 'company',
  '0-2': 'company',
  DEAL: 'deal',
  '0-3': 'deal',
};

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/**
 * HubSpot's execution request → the order it asks for. The "add customer" fields win; the
 * enrolled contact's own properties (sent because the definition asks for them) fill the gaps,
 * and an enrolled company's name and domain make the order's company. Pure; throws
 * `InvalidInputError` naming the input HubSpot sent wrong.
 */
export function toWorkflowLicenseRequest(body: WorkflowExecutionBody): WorkflowLicenseRequest {
  const type = OBJECT_TYPES[body.object.objectType.toUpperCase()];
  if (!type) throw new InvalidInputError({ 'object.objectType': `must be CONTACT, COMPANY or DEAL` });
  const input = body.inputFields;
  const product = blank(input.product);
  if (!product) throw new InvalidInputError({ 'inputFields.product': 'is required' });
  const quantityText = blank(input.quantity) ?? '1';
  const quantity = Number(quantityText);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000)
    throw new InvalidInputError({ 'inputFields.quantity': 'must be a whole number from 1 to 1000' });
  const props = body.object.properties ?? {};
  const own = (name: string) => (type === 'contact' ? blank(props[name]) : undefined);
  return {
    callbackId: body.callbackId,
    portalId: body.origin.portalId,
    workflowId: body.context?.workflowId ?? null,
    object: { type, id: body.object.objectId },
    product,
    policy: blank(input.policy),
    quantity,
    customer: {
      email: blank(input.email) ?? own('email'),
      firstName: blank(input.firstname) ?? own('firstname'),
      lastName: blank(input.lastname) ?? own('lastname'),
      phone: blank(input.phone) ?? own('phone'),
      company: blank(input.company) ?? (type === 'company' ? blank(props.name) : own('company')),
      companyDomain: type === 'company' ? blank(props.domain) : undefined,
    },
  };
}

/**
 * Whether the order needs a read from HubSpot first (so the worker takes it and the action answers
 * `BLOCK`): no customer email, or an enrolled company whose name HubSpot did not send.
 */
export function needsHubspotRead(request: WorkflowLicenseRequest): boolean {
  return !request.customer.email || (request.object.type === 'company' && !request.customer.company);
}
