import type { CreatedOrder } from '@licensync/core/orders';
import { toLicenseJson } from './to-license-json';

/** An order as `POST /api/v1/orders` answers it; each license also carries its key as `key`. */
export function toOrderJson({ order, customerId, customerAccountId, licenses }: CreatedOrder) {
  return {
    id: order.id,
    source: order.sourceKind,
    customer_id: customerId,
    customer_account_id: customerAccountId,
    created_at: order.createdAt.toISOString(),
    licenses: licenses.map((details) => {
      const json = toLicenseJson(details);
      return { ...json, key: json.license_key };
    }),
  };
}
