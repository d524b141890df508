import { invoiceLineSubscriptionItem } from '@licensync/mappers';
import type Stripe from 'stripe';
import type { ProvisioningContext } from './provisioning-context';

/** What the subscription's paid invoices cover. */
export interface PaidCoverage {
  /** Any invoice of the subscription is paid (its first one, at least). */
  anyPaid: boolean;
  /** The latest invoice is paid: the subscription owes nothing now. */
  latestPaid: boolean;
  /** Per subscription item, the end (unix seconds) of the last service period a paid invoice billed. */
  itemEnds: Map<string, number>;
}

/**
 * Reads how far payment reaches. Validity follows it, not the period: at rollover Stripe moves the
 * item's period at once and keeps the subscription active while the new invoice is open (a day of
 * retries, or the whole due period with `send_invoice`), so the period end alone would extend
 * licenses nobody has paid for yet. A proration line bills up to the same period end, so paying
 * one never extends twice.
 */
export async function paidThrough(ctx: ProvisioningContext, sub: Stripe.Subscription): Promise<PaidCoverage> {
  const latest = typeof sub.latest_invoice === 'object' ? sub.latest_invoice : null;
  // Newest first; a handful is enough to find the period the latest paid invoice covers.
  const paid = await ctx.stripe.invoices.list({ subscription: sub.id, status: 'paid', limit: 10 });
  const itemEnds = new Map<string, number>();
  for (const invoice of paid.data) {
    for (const line of invoice.lines.data) {
      const item = invoiceLineSubscriptionItem(line);
      if (item) itemEnds.set(item, Math.max(itemEnds.get(item) ?? 0, line.period.end));
    }
  }
  return {
    anyPaid: paid.data.length > 0 || latest?.status === 'paid',
    latestPaid: latest?.status === 'paid',
    itemEnds,
  };
}
