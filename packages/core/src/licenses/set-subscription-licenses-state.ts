import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenses } from '../db/schema/index';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { emitLicenseEvents } from '../webhooks/emit-license-events';
import {
  DISABLE_REASONS,
  type DisableReason,
  STATE_DISABLE_REASONS,
  WORKING_SUBSCRIPTION_STATUSES,
} from './license-status';

export interface SubscriptionItemState {
  itemId: string;
  quantity: number;
  /** Validity the item's current period grants (period end + added days, or trial end). */
  validUntil: Date | null;
  /** A single license sized by the quantity (`is_single_license`): its seats and floating users. */
  size?: { seats: number; floatingCloud?: number };
  /**
   * The product the item's price licenses now. Licenses of another product (a bundle's members go
   * by their bundle's) are disabled `plan_changed`; those of this one have that reason lifted.
   * Absent (price unreadable): the item's products are left as they are.
   */
  productId?: string;
}

/**
 * Brings every license of a subscription to the state Stripe holds now: units beyond an item's
 * quantity are disabled (highest unit first, i.e. newest), the rest follow the subscription status,
 * and validity only moves forward. Idempotent and order-independent: it depends only on the
 * subscription's current state, not on the event that triggered it. Returns the changed ids.
 */
export async function setSubscriptionLicensesState(
  db: DbOrTx,
  input: {
    workspaceId: string;
    subscriptionId: string;
    status: string;
    paused: boolean;
    items: SubscriptionItemState[];
    /** Sticky reasons this call may lift too, e.g. `refunded` when a renewal is paid again. */
    liftReasons?: string[];
  },
): Promise<string[]> {
  const liftable = [...STATE_DISABLE_REASONS, ...(input.liftReasons ?? [])];
  const rows = await db
    .select()
    .from(licenses)
    .where(
      and(
        eq(licenses.workspaceId, input.workspaceId),
        eq(licenses.stripeSubscriptionId, input.subscriptionId),
      ),
    )
    // Locked, in one order for every writer: a refund or an operator's disable committed meanwhile
    // is seen, and two transactions never wait on each other's rows crosswise.
    .orderBy(asc(licenses.id))
    .for('update');
  const working = WORKING_SUBSCRIPTION_STATUSES.includes(input.status) && !input.paused;
  const byItem = new Map(input.items.map((i) => [i.itemId, i]));
  const byId = new Map(rows.map((l) => [l.id, l]));
  const changed: string[] = [];
  for (const license of rows) {
    const item = license.stripeSubscriptionItemId ? byItem.get(license.stripeSubscriptionItemId) : undefined;
    const lineProduct = license.bundleLicenseId
      ? (byId.get(license.bundleLicenseId)?.productId ?? license.productId)
      : license.productId;
    const replaced = item?.productId !== undefined && item.productId !== lineProduct;
    let reason: DisableReason | null;
    if (replaced) reason = DISABLE_REASONS.planChanged;
    else if (!item || license.unitIndex >= item.quantity) reason = DISABLE_REASONS.quantityDecrease;
    else if (input.status === 'canceled') reason = DISABLE_REASONS.subscriptionCanceled;
    else if (input.paused) reason = DISABLE_REASONS.subscriptionPaused;
    else reason = working ? null : DISABLE_REASONS.subscriptionInactive;

    const patch: Partial<typeof licenses.$inferInsert> = {};
    // A plan change is lifted only here, and only when the item licenses this product again.
    const lifts = item?.productId === lineProduct ? [...liftable, DISABLE_REASONS.planChanged] : liftable;
    const sticky = !license.enabled && license.disabledReason && !lifts.includes(license.disabledReason);
    if (!sticky) {
      if (reason === null && !license.enabled) Object.assign(patch, { enabled: true, disabledReason: null });
      if (reason !== null && (license.enabled || license.disabledReason !== reason)) {
        Object.assign(patch, { enabled: false, disabledReason: reason });
      }
    }
    if (!replaced && item?.validUntil && (!license.validUntil || item.validUntil > license.validUntil))
      patch.validUntil = item.validUntil;
    if (!replaced && item?.size && !license.bundleLicenseId)
      Object.assign(patch, sizePatch(license, item.size));
    if (Object.keys(patch).length === 0) continue;
    await db
      .update(licenses)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(licenses.id, license.id));
    changed.push(license.id);
  }
  await enqueueSyncIntent(db, input.workspaceId, 'license', changed);
  await emitLicenseEvents(db, input.workspaceId, changed);
  return changed;
}

/** The columns a quantity change moves on a single license; user licenses count users, not machines. */
function sizePatch(
  license: typeof licenses.$inferSelect,
  size: NonNullable<SubscriptionItemState['size']>,
): Partial<typeof licenses.$inferInsert> {
  const patch: Partial<typeof licenses.$inferInsert> = {};
  if (license.maxLicenseUsers !== null) {
    if (license.maxLicenseUsers !== size.seats) patch.maxLicenseUsers = size.seats;
  } else if (license.maxActivations !== size.seats) patch.maxActivations = size.seats;
  if (size.floatingCloud !== undefined && license.floatingCloud !== size.floatingCloud) {
    patch.floatingCloud = size.floatingCloud;
  }
  return patch;
}

/**
 * Disables licenses for a reason that sticks (refund, dispute). A license disabled only by
 * subscription state takes the sticky reason (so a later resume cannot undo the refund); one
 * already disabled for a sticky reason keeps its first. Returns the changed ids.
 */
export async function disableLicenses(
  db: DbOrTx,
  input: { workspaceId: string; ids: string[]; reason: string },
): Promise<string[]> {
  if (input.ids.length === 0) return [];
  const changed = await db
    .update(licenses)
    .set({ enabled: false, disabledReason: input.reason, updatedAt: new Date() })
    .where(
      and(
        eq(licenses.workspaceId, input.workspaceId),
        inArray(licenses.id, input.ids),
        or(eq(licenses.enabled, true), inArray(licenses.disabledReason, [...STATE_DISABLE_REASONS])),
      ),
    )
    .returning({ id: licenses.id });
  const ids = changed.map((c) => c.id);
  await enqueueSyncIntent(db, input.workspaceId, 'license', ids);
  await emitLicenseEvents(db, input.workspaceId, ids, 'license.disabled');
  return ids;
}

/** Starts a new consumption period for a subscription's consumption licenses; safe to repeat. */
export async function resetConsumption(
  db: DbOrTx,
  input: { workspaceId: string; subscriptionId: string; periodStart: Date },
): Promise<string[]> {
  const changed = await db
    .update(licenses)
    .set({ consumptionTotal: 0, consumptionResetAt: input.periodStart, updatedAt: new Date() })
    .where(
      and(
        eq(licenses.workspaceId, input.workspaceId),
        eq(licenses.stripeSubscriptionId, input.subscriptionId),
        eq(licenses.licenseType, 'consumption'),
        sql`(${licenses.consumptionResetAt} is null or ${licenses.consumptionResetAt} < ${input.periodStart})`,
      ),
    )
    .returning({ id: licenses.id });
  const ids = changed.map((c) => c.id);
  await enqueueSyncIntent(db, input.workspaceId, 'license', ids);
  return ids;
}
