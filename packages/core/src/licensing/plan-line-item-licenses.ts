import {
  type Duration,
  type LicenseRequest,
  type LicenseSource,
  parseLicenseMetadata,
  toLicenseRequests,
} from '@licensync/mappers';
import type Stripe from 'stripe';
import type { DbOrTx } from '../db/client';
import { PermanentError } from '../errors/permanent-error';
import type { LicenseDraft } from './create-licenses';
import { loadCatalog } from './load-catalog';
import { type StripeRefs, toLicenseDraft } from './to-license-draft';

export interface LineItemToLicense {
  id: string;
  /** With `product` expanded: product metadata is the fallback of price metadata. */
  price: Stripe.Price;
  quantity: number;
  refs?: StripeRefs;
  /** Start of validity, e.g. the service period start; never the wall clock. */
  startsAt: Date;
  billingPeriod?: Duration;
  /** Overrides computed validity, e.g. a subscription item's period end or trial end. */
  validUntil?: Date | null;
}

/**
 * Every license a set of paid line items asks for, resolved against the catalog. Throws a
 * PermanentError naming the price and attribute when metadata or the catalog is wrong; fixing
 * either and replaying the job then succeeds.
 */
export async function planLineItemLicenses(
  db: DbOrTx,
  input: {
    workspaceId: string;
    source: LicenseSource;
    customerEmail: string;
    items: LineItemToLicense[];
    refs: StripeRefs;
  },
): Promise<LicenseDraft[]> {
  const parsed = input.items.map((item) => {
    const first = parseLicenseMetadata(item.price);
    if (!first.ok) throw new PermanentError(first.errors.map((e) => e.message).join('; '));
    return { item, metadata: first.value };
  });
  const codes = parsed.flatMap((p) => (p.metadata.ignored ? [] : [p.metadata.shortCode]));
  const catalog = await loadCatalog(db, input.workspaceId, codes);
  const memberCodes = [...catalog.values()].flatMap((c) => c.bundleMembers);
  for (const [code, entry] of await loadCatalog(db, input.workspaceId, memberCodes)) catalog.set(code, entry);

  const bundles = parsed.filter((p) => !p.metadata.ignored && p.metadata.isProductBundle);
  if (bundles.length > 1) {
    throw new PermanentError(
      `only one bundle per order: prices ${bundles.map((b) => b.item.price.id).join(', ')} are all is_product_bundle`,
    );
  }

  const drafts: LicenseDraft[] = [];
  for (const { item, metadata } of parsed) {
    if (metadata.ignored) continue;
    const priceId = item.price.id;
    const entry = catalog.get(metadata.shortCode);
    if (!entry)
      throw new PermanentError(
        `price ${priceId}: short_code "${metadata.shortCode}" names no product in the catalog`,
      );
    // Parse again knowing the product, so user-only attributes are checked against it.
    const checked = parseLicenseMetadata(item.price, {
      authorizationMethod: entry.product.authorizationMethod,
    });
    if (!checked.ok) throw new PermanentError(checked.errors.map((e) => e.message).join('; '));
    const refs = { ...input.refs, ...item.refs };
    const requests = toLicenseRequests({
      metadata: checked.value,
      quantity: item.quantity,
      lineItemId: item.id,
      source: input.source,
      authorizationMethod: entry.product.authorizationMethod,
      now: item.startsAt,
      ...(item.billingPeriod && { billingPeriod: item.billingPeriod }),
    });
    for (const request of requests) {
      if (request.kind === 'license') {
        const draft = toLicenseDraft({
          request,
          catalog: entry,
          priceId,
          customerEmail: input.customerEmail,
          refs,
        });
        if (item.validUntil && draft.licenseType !== 'perpetual') draft.validUntil = item.validUntil;
        drafts.push(draft);
        continue;
      }
      if (!entry.product.isBundle) {
        throw new PermanentError(
          `price ${priceId}: is_product_bundle is true but "${metadata.shortCode}" is not a bundle product`,
        );
      }
      // One bundle license per unit, plus one license per member product with its default policy.
      // A recurring bundle's licenses all follow the subscription (type and validity).
      const shape = { recurring: metadata.recurring, startsAt: item.startsAt, source: input.source };
      const withValidity = (draft: LicenseDraft) => {
        if (item.validUntil && draft.licenseType !== 'perpetual') draft.validUntil = item.validUntil;
        return draft;
      };
      for (let unit = 0; unit < request.quantity; unit++) {
        const bundleReq = bundleUnit({
          ...shape,
          lineItemId: request.lineItemId,
          unit,
          shortCode: metadata.shortCode,
        });
        bundleReq.licenseType = metadata.licenseType;
        drafts.push(
          withValidity(
            toLicenseDraft({
              request: bundleReq,
              catalog: entry,
              priceId,
              customerEmail: input.customerEmail,
              refs,
            }),
          ),
        );
        for (const code of entry.bundleMembers) {
          const memberReq = bundleUnit({
            ...shape,
            lineItemId: `${request.lineItemId}:${code}`,
            unit,
            shortCode: code,
          });
          const draft = toLicenseDraft({
            request: memberReq,
            catalog: catalog.get(code)!,
            priceId,
            customerEmail: input.customerEmail,
            refs,
            bundleSourceKey: bundleReq.idempotencyKey,
          });
          drafts.push(withValidity(draft));
        }
      }
    }
  }
  return drafts;
}

function bundleUnit(input: {
  lineItemId: string;
  source: LicenseSource;
  unit: number;
  startsAt: Date;
  shortCode: string;
  recurring: boolean;
}): LicenseRequest {
  return {
    kind: 'license',
    idempotencyKey: `${input.source.kind}:${input.source.id}:${input.lineItemId}:${input.unit}`,
    source: input.source,
    lineItemId: input.lineItemId,
    unitIndex: input.unit,
    shortCode: input.shortCode,
    recurring: input.recurring,
    startsAt: input.startsAt,
    addedDays: 0,
    enableMaintenanceDuration: false,
    assignCustomerAsUser: false,
    isLicenseManager: false,
    customFields: {},
  };
}
