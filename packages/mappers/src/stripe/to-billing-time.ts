/** Stripe's fields that say how a subscription's periods are cut (unix seconds, as Stripe sends them). */
export interface BillingAnchorFields {
  start_date: number | null;
  billing_cycle_anchor: number | null;
  /** Set when the subscription was created with a calendar anchor (`day_of_month`, …). */
  billing_cycle_anchor_config?: object | null;
  trial_end: number | null;
}

export type BillingTime = 'anniversary' | 'calendar';

/**
 * Lago's "billing time": `anniversary` bills on the day the subscription started, `calendar` at
 * the start of calendar periods. Stripe has no such field; we read it from the anchor:
 * an anchor configuration (`billing_cycle_anchor_config`) or an anchor on the 1st of a month
 * (00:00 UTC) that is not the start is calendar; an anchor at the start or at the trial's end
 * (Stripe moves it there) is anniversary, and so is any other anchor (e.g. one reset by a plan
 * change: the subscription then bills on the anniversary of that day).
 */
export function toBillingTime(sub: BillingAnchorFields): BillingTime {
  if (sub.billing_cycle_anchor_config) return 'calendar';
  const anchor = sub.billing_cycle_anchor;
  if (anchor == null || anchor === sub.start_date || anchor === sub.trial_end) return 'anniversary';
  const at = new Date(anchor * 1000);
  const firstOfMonth =
    at.getUTCDate() === 1 && at.getUTCHours() === 0 && at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0;
  return firstOfMonth ? 'calendar' : 'anniversary';
}
