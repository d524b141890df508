import type { DashboardLicense } from '../backend/dashboard-license';

export type BadgeType = 'neutral' | 'urgent' | 'warning' | 'negative' | 'positive' | 'info';

// The ledger's disable reasons (`DISABLE_REASONS` in core); any other text is an operator's own.
const REASONS: Record<string, string> = {
  refunded: 'Refunded',
  disputed: 'Payment disputed',
  operator: 'Disabled by an operator',
  quantity_decrease: 'Subscription quantity decreased',
  subscription_inactive: 'Subscription not active',
  subscription_paused: 'Subscription paused',
  subscription_canceled: 'Subscription canceled',
  plan_changed: 'Plan changed to another product',
};

type Status = Pick<DashboardLicense, 'enabled' | 'disabled_reason' | 'valid_until' | 'is_trial'>;

/** The status badge of a license and, when disabled, why, in words. */
export function toLicenseStatus(
  license: Status,
  now: Date,
): { label: string; badge: BadgeType; reason?: string } {
  if (!license.enabled) {
    const reason = license.disabled_reason
      ? (REASONS[license.disabled_reason] ?? license.disabled_reason)
      : undefined;
    return { label: 'Disabled', badge: 'negative', ...(reason && { reason }) };
  }
  if (license.valid_until && Date.parse(license.valid_until) < now.getTime()) {
    return { label: 'Expired', badge: 'warning' };
  }
  if (license.is_trial) return { label: 'Trial', badge: 'info' };
  return { label: 'Active', badge: 'positive' };
}

/** `perpetual` → `Perpetual`, `time-limited` → `Time-limited`. */
export function toLicenseTypeText(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** How long a license works: `No end date`, `Until 1 Mar 2027`, `Ended 1 Mar 2025`. */
export function toValidityText(license: Pick<DashboardLicense, 'valid_until'>, now: Date): string {
  if (!license.valid_until) return 'No end date';
  const until = new Date(license.valid_until);
  return `${until.getTime() < now.getTime() ? 'Ended' : 'Until'} ${toDateText(until)}`;
}

/** `3 activations`, `1 activation, 2 floating`, `5 users` for a user-based license. */
export function toActivationsText(
  license: Pick<DashboardLicense, 'max_activations' | 'floating_cloud' | 'max_license_users' | 'license_key'>,
): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (license.license_key === null && license.max_license_users !== null) {
    return plural(license.max_license_users, 'user');
  }
  const base = plural(license.max_activations, 'activation');
  return license.floating_cloud ? `${base}, ${license.floating_cloud} floating` : base;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as `1 Mar 2027`, in UTC like the ledger (no locale data in the view's sandbox needed). */
export function toDateText(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
