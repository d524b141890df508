import { findOrCreateCustomer } from '@licensync/core/customers';
import type { DbOrTx } from '@licensync/core/db';
import { createLicenses, updateLicenseTerms } from '@licensync/core/licenses';
import type { StripeRefs } from '@licensync/core/licensing';
import { findOrCreateOrder } from '@licensync/core/orders';
import type * as schema from '@licensync/core/schema';
import type { LicenseSource } from '@licensync/mappers';
import { paymentRevocation } from './payment-revocation';
import { type LineItemToLicense, planLineItems } from './plan-line-items';
import type { ProvisioningContext } from './provisioning-context';

export interface ProvisionInput {
  source: LicenseSource;
  customer: { email: string; name: string | null; stripeCustomerId: string | null };
  refs: StripeRefs;
  items: LineItemToLicense[];
  /** From the paying object's `hubspot_deal_id` metadata: the licenses are associated with that deal. */
  hubspotDealId?: string | null;
}

/**
 * Creates the customer, one order and the licenses of a paid set of line items, in one
 * transaction: either all of it exists afterwards or none of it. A payment that was refunded or
 * disputed before we got here (a replay after a fix, a late event) yields disabled licenses, so
 * the order in which Stripe's events arrive does not matter. Licenses already there under a new
 * price of their product take its terms (a plan change). Returns the licenses.
 */
export async function provisionLineItems(
  ctx: ProvisioningContext,
  input: ProvisionInput,
  db: DbOrTx = ctx.db,
) {
  const { workspaceId } = ctx;
  const revoked = input.refs.stripePaymentIntentId
    ? await paymentRevocation(ctx, input.refs.stripePaymentIntentId)
    : null;
  return db.transaction(async (tx) => {
    const drafts = await planLineItems(tx, {
      workspaceId,
      source: input.source,
      customerEmail: input.customer.email,
      items: input.items,
      refs: input.refs,
    });
    if (revoked)
      for (const draft of drafts) Object.assign(draft, { enabled: false, disabledReason: revoked });
    const customer = await findOrCreateCustomer(tx, { workspaceId, ...input.customer });
    const order = await findOrCreateOrder(tx, {
      workspaceId,
      customerId: customer.id,
      sourceKind: input.source.kind as schema.OrderSourceKind,
      sourceId: input.source.id,
      stripePaymentIntentId: input.refs.stripePaymentIntentId ?? null,
      stripeSubscriptionId: input.refs.stripeSubscriptionId ?? null,
      hubspotDealId: input.hubspotDealId ?? null,
    });
    const result = await createLicenses(tx, {
      workspaceId,
      customerId: customer.id,
      customerAccountId: customer.customerAccountId,
      orderId: order.id,
      drafts,
    });
    // A license already under a draft's key with another price of its product: a plan change
    // within the product, so the license takes the new price's terms and keeps its key.
    const created = new Set(result.created.map((l) => l.id));
    const pairs = drafts
      .map((draft, i) => ({ draft, license: result.licenses[i]! }))
      .filter(({ license }) => !created.has(license.id));
    await updateLicenseTerms(tx, { workspaceId, pairs });
    return result;
  });
}
