import { type CatalogProduct, loadCatalog } from '@licensync/core/catalog';
import type { DbOrTx } from '@licensync/core/db';
import { PermanentError } from '@licensync/core/errors';
import type { LicenseDraft } from '@licensync/core/licenses';
import { type LicenseLineItem, planLicenseDrafts, type StripeRefs } from '@licensync/core/licensing';
import { type LicenseSource, parseLicenseMetadata } from '@licensync/mappers';
import type Stripe from 'stripe';

/** A paid Stripe line item as provisioning sees it: the price (product expanded) and its quantity. */
export interface LineItemToLicense extends Omit<LicenseLineItem, 'metadata'> {
  /** With `product` expanded: product metadata is the fallback of price metadata. */
  price: Stripe.Price;
}

/**
 * Reads each price's license attributes, looks the products they name up in the catalog, reads
 * them again knowing the product (user-only attributes depend on its authorization method) and
 * hands the plain result to the ledger's rules. Throws a PermanentError naming the price and the
 * broken rule.
 */
export async function planLineItems(
  db: DbOrTx,
  input: {
    workspaceId: string;
    source: LicenseSource;
    customerEmail: string;
    items: LineItemToLicense[];
    refs: StripeRefs;
  },
): Promise<LicenseDraft[]> {
  const read = (price: Stripe.Price, entry?: CatalogProduct) => {
    const parsed = parseLicenseMetadata(
      price,
      entry && {
        authorizationMethod: entry.product.authorizationMethod,
        customFieldNames: entry.customFields.map((f) => f.name),
      },
    );
    if (!parsed.ok) throw new PermanentError(parsed.errors.map((e) => e.message).join('; '));
    return parsed.value;
  };
  const first = input.items.map((item) => read(item.price));
  const codes = first.flatMap((m) => (m.ignored ? [] : [m.shortCode]));
  const catalog = await loadCatalog(db, input.workspaceId, codes);
  const memberCodes = [...catalog.values()].flatMap((c) => c.bundleMembers);
  for (const [code, entry] of await loadCatalog(db, input.workspaceId, memberCodes)) catalog.set(code, entry);

  const items: LicenseLineItem[] = input.items.map(({ price, ...item }, i) => {
    const metadata = first[i]!;
    const entry = metadata.ignored ? undefined : catalog.get(metadata.shortCode);
    // Read again knowing the product, so user-only attributes and custom field names are checked against it.
    return { ...item, metadata: entry ? read(price, entry) : metadata };
  });
  return planLicenseDrafts({
    source: input.source,
    customerEmail: input.customerEmail,
    items,
    refs: input.refs,
    catalog,
  });
}
