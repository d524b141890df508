/**
 * Why a license is disabled. Persisted in `licenses.disabled_reason` and shown in HubSpot: add
 * reasons, do not rename them.
 */
export const DISABLE_REASONS = {
  quantityDecrease: 'quantity_decrease',
  subscriptionInactive: 'subscription_inactive',
  subscriptionPaused: 'subscription_paused',
  subscriptionCanceled: 'subscription_canceled',
  refunded: 'refunded',
  disputed: 'disputed',
  operator: 'operator',
  /** The subscription item's price now licenses another product; its licenses replace these. */
  planChanged: 'plan_changed',
} as const;

export type DisableReason = (typeof DISABLE_REASONS)[keyof typeof DISABLE_REASONS];

/** Subscription statuses in which a subscription's licenses work. */
export const WORKING_SUBSCRIPTION_STATUSES: readonly string[] = ['active', 'trialing', 'past_due'];

/**
 * Reasons that subscription state sets and may therefore lift again. Refunds, disputes and an
 * operator's disable are sticky: a subscription recovering does not undo them.
 */
export const STATE_DISABLE_REASONS: readonly string[] = [
  DISABLE_REASONS.quantityDecrease,
  DISABLE_REASONS.subscriptionInactive,
  DISABLE_REASONS.subscriptionPaused,
  DISABLE_REASONS.subscriptionCanceled,
];

/**
 * Reasons that stay until someone (an operator, a new payment for a refund, the item's price
 * returning to the license's product for a plan change) lifts them.
 */
export const STICKY_DISABLE_REASONS: readonly string[] = [
  DISABLE_REASONS.refunded,
  DISABLE_REASONS.disputed,
  DISABLE_REASONS.operator,
  DISABLE_REASONS.planChanged,
];
