import {
  type Duration,
  type LicensedPriceMetadata,
  type LicenseRequest,
  type LicenseSource,
  toLicenseRequests,
  toSourceKey,
} from '@licensync/mappers';
import type { CatalogProduct } from '../catalog/catalog-product';
import { PermanentError } from '../errors/permanent-error';
import type { LicenseDraft } from '../licenses/create-licenses';
import { type StripeRefs, toLicenseDraft } from './to-license-draft';

/** One paid line item, its price's license attributes already read and checked for its product. */
export interface LicenseLineItem {
  id: string;
  metadata: LicensedPriceMetadata | { ignored: true; priceId: string };
  quantity: number;
  refs?: StripeRefs;
  /** Start of validity, e.g. the service period start; never the wall clock. */
  startsAt: Date;
  billingPeriod?: Duration;
  /** Overrides computed validity, e.g. a subscription item's period end or trial end. */
  validUntil?: Date | null;
}

/**
 * Every license a set of paid line items asks for, resolved against the catalog: the ledger's
 * rules, free of Stripe objects and of I/O (`catalog` holds every product named, bundle members
 * included). Throws a PermanentError naming the price and attribute when metadata or the catalog is
 * wrong; fixing either and replaying the job then succeeds.
 */
export function planLicenseDrafts(input: {
  source: LicenseSource;
  customerEmail: string;
  items: LicenseLineItem[];
  refs: StripeRefs;
  catalog: Map<string, CatalogProduct>;
}): LicenseDraft[] {
  const { catalog } = input;
  const bundles = input.items.filter((i) => !i.metadata.ignored && i.metadata.isProductBundle);
  if (bundles.length > 1) {
    throw new PermanentError(
      `only one bundle per order: prices ${bundles.map((b) => b.metadata.priceId).join(', ')} are all is_product_bundle`,
    );
  }

  const drafts: LicenseDraft[] = [];
  for (const item of input.items) {
    const { metadata } = item;
    if (metadata.ignored) continue;
    const priceId = metadata.priceId;
    const entry = catalog.get(metadata.shortCode);
    if (!entry) {
      throw new PermanentError(
        `price ${priceId}: short_code "${metadata.shortCode}" names no product in the catalog`,
      );
    }
    const refs = { ...input.refs, ...item.refs };
    const requests = toLicenseRequests({
      metadata,
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
      // The price's attributes (the reference's bundle table) shape the bundle's own licenses, one
      // per unit; each member product gets a license per unit from its default policy. A recurring
      // bundle's licenses all follow the subscription (type and validity).
      const withValidity = (draft: LicenseDraft) => {
        if (item.validUntil && draft.licenseType !== 'perpetual') draft.validUntil = item.validUntil;
        return draft;
      };
      const bundleRequests = toLicenseRequests({
        metadata: {
          ...metadata,
          isProductBundle: false,
          isSingleLicense: false,
          floatingUsersFromQuantity: false,
        },
        quantity: request.quantity,
        lineItemId: request.lineItemId,
        source: input.source,
        authorizationMethod: entry.product.authorizationMethod,
        now: item.startsAt,
        ...(item.billingPeriod && { billingPeriod: item.billingPeriod }),
      }).filter((r) => r.kind === 'license');
      for (const bundleReq of bundleRequests) {
        const draft = toLicenseDraft({
          request: bundleReq,
          catalog: entry,
          priceId,
          customerEmail: input.customerEmail,
          refs,
        });
        drafts.push(withValidity(draft));
        for (const code of entry.bundleMembers) {
          const memberReq = memberUnit({
            recurring: metadata.recurring,
            startsAt: item.startsAt,
            source: input.source,
            lineItemId: `${request.lineItemId}:${code}`,
            unit: bundleReq.unitIndex,
            shortCode: code,
          });
          const memberDraft = toLicenseDraft({
            request: memberReq,
            catalog: catalog.get(code)!,
            priceId,
            customerEmail: input.customerEmail,
            refs,
            bundleSourceKey: bundleReq.idempotencyKey,
          });
          drafts.push(withValidity(memberDraft));
        }
      }
    }
  }
  return drafts;
}

/** A member product's license of one bundle unit: everything from its default policy. */
function memberUnit(input: {
  lineItemId: string;
  source: LicenseSource;
  unit: number;
  startsAt: Date;
  shortCode: string;
  recurring: boolean;
}): LicenseRequest {
  return {
    kind: 'license',
    idempotencyKey: toSourceKey(input.source, input.lineItemId, input.unit),
    source: input.source,
    lineItemId: input.lineItemId,
    unitIndex: input.unit,
    shortCode: input.shortCode,
    recurring: input.recurring,
    startsAt: input.startsAt,
    addedDays: 0,
    assignCustomerAsUser: false,
    isLicenseManager: false,
    customFields: {},
  };
}
