import {
  type LicenseDraft,
  PermanentError,
  createLicenses,
  findOrCreateCustomer,
  findOrCreateOrder,
  schema,
} from '@licensync/core';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { HandlerContext } from '../handler-context';

export interface ProvisionInput {
  source: { kind: 'checkout_session' | 'invoice'; id: string };
  customer: { email: string; name: string | null; stripeCustomerId: string | null };
  paymentIntentId: string | null;
  items: { id: string; price: Stripe.Price | null; quantity: number }[];
}

/** Creates one order and its licenses for a paid set of line items, in one transaction. */
export async function provisionLineItems(ctx: HandlerContext, input: ProvisionInput): Promise<void> {
  const { db, workspaceId } = ctx;
  await db.transaction(async (tx) => {
    const drafts: LicenseDraft[] = [];
    for (const item of input.items) {
      if (!item.price) continue;
      const productMeta = typeof item.price.product === 'object' && !item.price.product.deleted ? item.price.product.metadata : {};
      const shortCode = item.price.metadata.short_code ?? productMeta.short_code;
      if (!shortCode) throw new PermanentError(`price ${item.price.id}: short_code is missing from the price and product metadata`);
      const [product] = await tx
        .select()
        .from(schema.products)
        .where(and(eq(schema.products.workspaceId, workspaceId), eq(schema.products.shortCode, shortCode)));
      if (!product) throw new PermanentError(`price ${item.price.id}: short_code "${shortCode}" names no product in the catalog`);
      for (let unit = 0; unit < item.quantity; unit++) {
        drafts.push({
          sourceKey: `${input.source.kind}:${input.source.id}:${item.id}:${unit}`,
          unitIndex: unit,
          productId: product.id,
          licenseType: 'perpetual',
          withKey: product.authorizationMethod === 'license-key',
          features: [],
          customFields: {},
          users: [],
          stripeCheckoutSessionId: input.source.kind === 'checkout_session' ? input.source.id : null,
          stripeInvoiceId: input.source.kind === 'invoice' ? input.source.id : null,
          stripePaymentIntentId: input.paymentIntentId,
          stripePriceId: item.price.id,
        });
      }
    }
    const customer = await findOrCreateCustomer(tx, { workspaceId, ...input.customer });
    const order = await findOrCreateOrder(tx, {
      workspaceId,
      customerId: customer.id,
      sourceKind: input.source.kind,
      sourceId: input.source.id,
      stripePaymentIntentId: input.paymentIntentId,
    });
    await createLicenses(tx, { workspaceId, customerId: customer.id, orderId: order.id, drafts });
  });
}
