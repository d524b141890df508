import type { RefusalReason } from '@licensync/core/activations';

/**
 * The HTTP status of each refusal: 401 for credentials (same for an unknown key and another
 * product's key), 409 for a seat or lease that is taken or gone, 403 for everything the license
 * itself forbids.
 */
export const REFUSAL_STATUS: Record<RefusalReason, number> = {
  invalid_credentials: 401,
  wrong_product: 403,
  license_disabled: 403,
  license_expired: 403,
  maintenance_expired: 403,
  activations_exhausted: 409,
  not_activated: 403,
  not_floating: 403,
  floating_seats_full: 409,
  lease_expired: 409,
  not_consumption: 403,
  consumption_exceeded: 403,
  not_license_manager: 403,
  license_users_full: 409,
};
