import { type LicensedPriceMetadata, parseDuration } from '@licensync/mappers';
import type { CatalogProduct } from '../catalog/catalog-product';
import { PermanentError } from '../errors/permanent-error';
import { UnprocessableError } from '../errors/unprocessable-error';
import type { LicenseDraft } from '../licenses/create-licenses';
import { planLicenseDrafts } from '../licensing/plan-license-drafts';
import type { OrderInput } from './order-input';

/**
 * The licenses a hand-taken order asks for, through the same rules as a purchase: the order reads
 * as one line item whose "price metadata" is its overrides. Keys are `order:<sourceId>:line:<unit>`,
 * so running it again with the same source id finds the licenses already there.
 */
export function planOrderDrafts(input: {
  order: OrderInput;
  sourceId: string;
  customerEmail: string;
  catalog: Map<string, CatalogProduct>;
  startsAt: Date;
}): LicenseDraft[] {
  const { order, catalog } = input;
  const entry = catalog.get(order.product);
  if (!entry) throw new UnprocessableError('product', `product "${order.product}" is not in the catalog`);
  if (order.policy && !entry.policies.some((p) => p.code === order.policy)) {
    throw new UnprocessableError(
      'policy',
      `policy "${order.policy}" is not a policy of product "${order.product}"`,
    );
  }
  const o = order.overrides ?? {};
  checkOverrides(entry, o);
  const metadata: LicensedPriceMetadata = {
    ignored: false,
    priceId: 'order',
    shortCode: order.product,
    ...(order.policy && { licensePolicy: order.policy }),
    recurring: false,
    ...(o.validDuration && { validDuration: parseDuration(o.validDuration) }),
    ...(o.maintenanceDuration && { maintenanceDuration: parseDuration(o.maintenanceDuration) }),
    ...(o.maxActivations !== undefined && { maxActivations: o.maxActivations }),
    ...(o.floatingCloud != null && { floatingCloud: o.floatingCloud }),
    ...(o.maxLicenseUsers !== undefined && { maxLicenseUsers: o.maxLicenseUsers }),
    enableMaintenanceDuration: o.enableMaintenanceDuration === true,
    assignCustomerAsUser: entry.product.authorizationMethod === 'user',
    isLicenseManager: false,
    addedDays: 0,
    customFields: o.customFields ?? {},
    isSingleLicense: o.isSingleLicense === true,
    floatingUsersFromQuantity: false,
    isProductBundle: entry.product.isBundle,
  };
  let drafts: LicenseDraft[];
  try {
    drafts = planLicenseDrafts({
      source: { kind: 'order', id: input.sourceId },
      customerEmail: input.customerEmail,
      items: [{ id: 'line', metadata, quantity: order.quantity, startsAt: input.startsAt }],
      refs: {},
      catalog,
    });
  } catch (err) {
    // The rules name a price; an order has none, so the rest of the message is what matters.
    if (err instanceof PermanentError) {
      throw new UnprocessableError('overrides', err.message.replace(/^price [^:]+: /, ''));
    }
    throw err;
  }
  return drafts.map((draft) => applyOrderOverrides(draft, entry, o));
}

function checkOverrides(entry: CatalogProduct, o: NonNullable<OrderInput['overrides']>): void {
  const known = new Set(entry.customFields.map((f) => f.name));
  for (const name of Object.keys(o.customFields ?? {})) {
    if (!known.has(name)) {
      throw new UnprocessableError(
        `overrides.custom_fields.${name}`,
        `"${name}" is not a custom field of product "${entry.product.shortCode}"`,
      );
    }
  }
  const features = new Set(entry.features.map((f) => f.code));
  (o.features ?? []).forEach((code, i) => {
    if (!features.has(code)) {
      throw new UnprocessableError(
        `overrides.features[${i}]`,
        `"${code}" is not a feature of product "${entry.product.shortCode}"`,
      );
    }
  });
  if (o.maxLicenseUsers !== undefined && entry.product.authorizationMethod !== 'user') {
    throw new UnprocessableError(
      'overrides.max_license_users',
      `max_license_users applies to user-authorized products; "${entry.product.shortCode}" uses license keys`,
    );
  }
}

function applyOrderOverrides(
  draft: LicenseDraft,
  entry: CatalogProduct,
  o: NonNullable<OrderInput['overrides']>,
): LicenseDraft {
  // Member licenses of a bundle keep their own product's features.
  const own = draft.productId === entry.product.id;
  if (o.validUntil) {
    if (draft.licenseType === 'perpetual') {
      throw new UnprocessableError('overrides.valid_until', 'a perpetual license has no validity to set');
    }
    draft.validUntil = o.validUntil;
  }
  if (o.isTrial !== undefined) draft.isTrial = o.isTrial;
  const consumption = {
    maxConsumptions: o.maxConsumptions,
    allowOverages: o.allowOverages,
    maxOverages: o.maxOverages,
  };
  for (const [name, value] of Object.entries(consumption)) {
    if (value === undefined || !own) continue;
    if (draft.licenseType !== 'consumption') {
      const field = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      throw new UnprocessableError(
        `overrides.${field}`,
        `a ${draft.licenseType} license consumes nothing: ${field} applies to consumption licenses`,
      );
    }
    Object.assign(draft, { [name]: value });
  }
  if (o.floatingCloud === null) draft.floatingCloud = null;
  if (own && o.features) {
    const wanted = new Set(o.features);
    draft.features = entry.features
      .filter((f) => wanted.has(f.code))
      .map((f) => ({ code: f.code, maxConsumption: f.maxConsumption }));
  }
  draft.stripePriceId = null;
  return draft;
}
