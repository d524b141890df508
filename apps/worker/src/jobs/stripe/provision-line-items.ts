import {
  createLicenses,
  findOrCreateCustomer,
  findOrCreateOrder,
  type LineItemToLicense,
  planLineItemLicenses,
  type StripeRefs,
  type schema,
} from '@licensync/core';
import type { LicenseSource } from '@licensync/mappers';
import type { HandlerContext } from '../handler-context';

export interface ProvisionInput {
  source: LicenseSource;
  customer: { email: string; name: string | null; stripeCustomerId: string | null };
  refs: StripeRefs;
  items: LineItemToLicense[];
}

/**
 * Creates the customer, one order and the licenses of a paid set of line items, in one
 * transaction: either all of it exists afterwards or none of it. Returns the licenses.
 */
export async function provisionLineItems(ctx: HandlerContext, input: ProvisionInput) {
  const { db, workspaceId } = ctx;
  return db.transaction(async (tx) => {
    const drafts = await planLineItemLicenses(tx, {
      workspaceId,
      source: input.source,
      customerEmail: input.customer.email,
      items: input.items,
      refs: input.refs,
    });
    const customer = await findOrCreateCustomer(tx, { workspaceId, ...input.customer });
    const order = await findOrCreateOrder(tx, {
      workspaceId,
      customerId: customer.id,
      sourceKind: input.source.kind as schema.OrderSourceKind,
      sourceId: input.source.id,
      stripePaymentIntentId: input.refs.stripePaymentIntentId ?? null,
      stripeSubscriptionId: input.refs.stripeSubscriptionId ?? null,
    });
    return createLicenses(tx, {
      workspaceId,
      customerId: customer.id,
      customerAccountId: customer.customerAccountId,
      orderId: order.id,
      drafts,
    });
  });
}
