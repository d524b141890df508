import { loadCatalog } from '@licensync/core/catalog';
import type { DbOrTx } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { type LicensedPriceMetadata, toSourceKey } from '@licensync/mappers';
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';

/** What one subscription item licenses now. */
export interface ItemLicensing {
  /** The catalog product its price names; undefined when the price is unreadable or names none. */
  productId?: string;
  /** The line its licenses are keyed under (`toSourceKey`). */
  lineItemId: string;
}

/**
 * A new price on the same subscription item changes what is licensed. Licenses stay keyed by the
 * item while it licenses the product it first did (a new policy or attributes update them in
 * place); another product's licenses are keyed `item@short_code`, since the item's own keys are
 * taken by the first product's (now disabled `plan_changed`) licenses.
 */
export async function itemLicensing(
  db: DbOrTx,
  workspaceId: string,
  sub: Stripe.Subscription,
  items: { item: Stripe.SubscriptionItem; metadata: LicensedPriceMetadata | undefined }[],
): Promise<Map<string, ItemLicensing>> {
  const codes = items.flatMap(({ metadata }) => (metadata ? [metadata.shortCode] : []));
  const catalog = await loadCatalog(db, workspaceId, codes);
  const result = new Map<string, ItemLicensing>();
  for (const { item, metadata } of items) {
    const productId = metadata ? catalog.get(metadata.shortCode)?.product.id : undefined;
    const [first] = await db
      .select({ productId: schema.licenses.productId })
      .from(schema.licenses)
      .where(
        and(
          eq(schema.licenses.workspaceId, workspaceId),
          eq(schema.licenses.sourceKey, toSourceKey({ kind: 'subscription', id: sub.id }, item.id, 0)),
        ),
      );
    const own = !first || !productId || first.productId === productId;
    result.set(item.id, { productId, lineItemId: own ? item.id : `${item.id}@${metadata!.shortCode}` });
  }
  return result;
}
