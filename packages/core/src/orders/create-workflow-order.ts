import type { DbOrTx } from '../db/client';
import { UnprocessableError } from '../errors/unprocessable-error';
import { type CreatedOrder, createOrder } from './create-order';
import type { WorkflowCustomer, WorkflowLicenseRequest } from './workflow-license-request';

/**
 * Takes the order of one "Create License" execution. Idempotent because the order is keyed on the
 * portal and `callbackId`: HubSpot retries an execution (5xx, timeouts) for up to three days with
 * the same id, and every retry finds the first order and its licenses. Throws
 * `UnprocessableError` when the customer has no email or the catalog refuses the order.
 */
export async function createWorkflowOrder(options: {
  db: DbOrTx;
  workspaceId: string;
  request: WorkflowLicenseRequest;
  /** The customer as finally known (the request's, or read from HubSpot by the worker). */
  customer?: WorkflowCustomer;
}): Promise<CreatedOrder> {
  const { request } = options;
  const c = options.customer ?? request.customer;
  const email = c.email?.trim();
  if (!email) {
    throw new UnprocessableError(
      'customer.email',
      'the workflow gave no customer email and the record has none',
    );
  }
  // An unset company property comes as "": a contact then has no company, but an enrolled company
  // keeps its empty name, which the ledger refuses ("Company name can't be empty").
  const companyName = c.company?.trim() ?? '';
  const company =
    companyName || request.object.type === 'company'
      ? { name: companyName, domain: c.companyDomain?.trim() || null }
      : undefined;
  return createOrder({
    db: options.db,
    workspaceId: options.workspaceId,
    idempotencyKey: `hubspot-workflow:${request.portalId}:${request.callbackId}`,
    actor: `hubspot-workflow:${request.workflowId ?? 'unknown'}`,
    input: {
      customer: {
        email,
        firstName: c.firstName || undefined,
        lastName: c.lastName || undefined,
        phone: c.phone || undefined,
        // The enrolled record says what a new customer is; a deal's follows the workspace default.
        ...(request.object.type !== 'deal' && {
          customerType: request.object.type === 'contact' ? 'individual' : 'company',
        }),
        ...(company && { company }),
      },
      product: request.product,
      policy: request.policy,
      quantity: request.quantity,
      source: 'workflow',
      hubspotDealId: request.object.type === 'deal' ? request.object.id : null,
    },
  });
}

/** The action's output fields after a success: later workflow steps can use the ids and keys. */
export function toWorkflowOutputFields(created: CreatedOrder): Record<string, string> {
  return {
    hs_execution_state: 'SUCCESS',
    order_id: created.order.id,
    license_ids: created.licenses.map((l) => l.license.id).join(','),
    license_keys: created.licenses.map((l) => l.license.licenseKey ?? '').join(','),
  };
}

/** The output fields of an execution that cannot succeed; the workflow goes on past the action. */
export function toWorkflowFailureFields(code: string, message: string): Record<string, string> {
  return { hs_execution_state: 'FAIL_CONTINUE', error_code: code, error_message: message.slice(0, 500) };
}
