import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { licenseDeliveries } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import type { LicenseDelivery } from './prepare-delivery-mail';

const subjectsOf = (d: LicenseDelivery) => [
  ...d.licenseIds.map((id) => `license:${id}`),
  `customer:${d.customerId}`,
  `email:${d.recipient.toLowerCase()}`,
  ...(d.orderId ? [`order:${d.orderId}`] : []),
];

/** The mail left: the row is `sent` (a retry after this sends nothing) and the history says so. */
export async function markDeliverySent(
  db: DbOrTx,
  delivery: LicenseDelivery,
  outcome: { messageId: string | null; templateSource: string },
): Promise<void> {
  await db
    .update(licenseDeliveries)
    .set({
      status: 'sent',
      sentAt: new Date(),
      messageId: outcome.messageId,
      lastError: null,
      attempts: sql`${licenseDeliveries.attempts} + 1`,
    })
    .where(eq(licenseDeliveries.id, delivery.id));
  await recordActivity(db, {
    workspaceId: delivery.workspaceId,
    kind: 'delivery.sent',
    subjects: subjectsOf(delivery),
    outcome: 'ok',
    message: `${delivery.licenseIds.length} license(s) mailed to ${delivery.recipient} (${delivery.reason}, by ${delivery.actor})`,
    detail: {
      actor: delivery.actor,
      delivery_id: delivery.id,
      reason: delivery.reason,
      message_id: outcome.messageId,
      template: outcome.templateSource,
    },
  });
}

/** Delivery was turned off before the mail left: nothing is sent, and the history says why. */
export async function markDeliverySkipped(db: DbOrTx, delivery: LicenseDelivery, why: string): Promise<void> {
  await db
    .update(licenseDeliveries)
    .set({ status: 'skipped', lastError: why })
    .where(eq(licenseDeliveries.id, delivery.id));
  await recordActivity(db, {
    workspaceId: delivery.workspaceId,
    kind: 'delivery.skipped',
    subjects: subjectsOf(delivery),
    outcome: 'skipped',
    message: `mail to ${delivery.recipient} not sent: ${why}`,
    detail: { actor: delivery.actor, delivery_id: delivery.id },
  });
}

/**
 * One failed attempt, kept on the row and in the history; `final` when no retry follows, and the
 * row is then `failed` (not left `dispatched`, which would read as still on its way).
 */
export async function recordDeliveryFailure(
  db: DbOrTx,
  delivery: LicenseDelivery,
  error: string,
  final: boolean,
): Promise<void> {
  await db
    .update(licenseDeliveries)
    .set({
      lastError: error,
      attempts: sql`${licenseDeliveries.attempts} + 1`,
      ...(final && { status: 'failed' as const }),
    })
    .where(eq(licenseDeliveries.id, delivery.id));
  await recordActivity(db, {
    workspaceId: delivery.workspaceId,
    kind: 'delivery.failed',
    subjects: subjectsOf(delivery),
    outcome: 'error',
    message: `mail to ${delivery.recipient} failed${final ? ' for good' : '; will retry'}: ${error}`,
    detail: { actor: delivery.actor, delivery_id: delivery.id, final },
  });
}
