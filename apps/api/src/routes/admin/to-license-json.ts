import type { LicenseDetails } from '@licensync/core/licenses';

/** A license as the admin API answers it: snake_case, Stripe references grouped under `stripe`. */
export function toLicenseJson({
  license,
  productShortCode,
  policyCode,
  customer,
  features,
  customFields,
  users,
}: LicenseDetails) {
  return {
    id: license.id,
    license_key: license.licenseKey,
    product: productShortCode,
    policy: policyCode,
    license_type: license.licenseType,
    enabled: license.enabled,
    disabled_reason: license.disabledReason,
    valid_until: license.validUntil?.toISOString() ?? null,
    maintenance_until: license.maintenanceUntil?.toISOString() ?? null,
    max_activations: license.maxActivations,
    activations_in_use: license.activationsInUse,
    last_check_at: license.lastCheckAt?.toISOString() ?? null,
    floating_cloud: license.floatingCloud,
    max_license_users: license.maxLicenseUsers,
    is_trial: license.isTrial,
    consumption_total: license.consumptionTotal,
    customer: { id: customer.id, email: customer.email },
    stripe: {
      checkout_session: license.stripeCheckoutSessionId,
      invoice: license.stripeInvoiceId,
      subscription: license.stripeSubscriptionId,
      subscription_item: license.stripeSubscriptionItemId,
      payment_intent: license.stripePaymentIntentId,
      price: license.stripePriceId,
    },
    features: features.map((f) => ({ code: f.code, max_consumption: f.maxConsumption })),
    custom_fields: customFields,
    users: users.map((u) => ({ email: u.email, is_manager: u.isManager })),
    created_at: license.createdAt.toISOString(),
    updated_at: license.updatedAt.toISOString(),
  };
}
