import type { HubspotLicenseSource } from './hubspot-sources';
import { hubspotValue as v } from './hubspot-value';

/** `disabled` wins over `expired`: an operator's decision is what the sales team needs to see. */
export function licenseStatus(license: HubspotLicenseSource, now: Date): 'active' | 'expired' | 'disabled' {
  if (!license.enabled) return 'disabled';
  if (license.validUntil && license.validUntil.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

/** Our license → the properties of the HubSpot Licenses object (names as in LICENSE_OBJECT). */
export function toHubspotLicenseProperties(
  license: HubspotLicenseSource,
  opts: { now: Date },
): Record<string, string> {
  const name = [license.productCode, license.policyCode].filter(Boolean).join(' · ');
  return {
    licensync_license_id: license.id,
    license_name: `${name} — ${license.customerEmail}`,
    license_key: v.text(license.licenseKey),
    product: license.productCode,
    policy: v.text(license.policyCode),
    license_type: license.licenseType,
    status: licenseStatus(license, opts.now),
    disabled_reason: license.enabled ? '' : v.text(license.disabledReason),
    is_trial: v.bool(license.isTrial),
    valid_until: v.date(license.validUntil),
    maintenance_until: v.date(license.maintenanceUntil),
    max_activations: v.number(license.maxActivations),
    activations: v.number(license.activationsInUse),
    last_check_at: v.datetime(license.lastCheckAt),
    max_users: v.number(license.maxLicenseUsers),
    users: v.list(license.users),
    features: v.list(license.features),
    customer_email: license.customerEmail,
    stripe_subscription_id: v.text(license.stripeSubscriptionId),
    // Empty, not a link: the admin API needs a bearer token, so a click from HubSpot could only
    // answer 401. Writing '' also clears the links earlier versions wrote. The console restores it.
    admin_url: '',
  };
}
