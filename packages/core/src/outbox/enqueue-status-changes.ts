import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { billingInvoices, hubspotConnections, licenses } from '../db/schema/index';
import { enqueueSyncIntent } from './enqueue-sync-intent';

/** How far back the first sweep of a connection looks; older changes are the nightly resync's. */
export const STATUS_SWEEP_FIRST_LOOKBACK_MS = 86_400_000;

export interface StatusSweepResult {
  /** Licenses whose validity ended in the window, queued for HubSpot. */
  licenses: number;
  /** Open invoices whose due date passed in the window, queued for HubSpot. */
  invoices: number;
  /** The window swept, `(from, to]`; null when the workspace has no HubSpot connection. */
  window: { from: Date; to: Date } | null;
}

/**
 * Queues the HubSpot sync of one workspace's records whose status changed with time alone since
 * the last sweep: enabled licenses whose `valid_until` passed (now `expired`) and open invoices whose
 * due date passed (now `overdue`). The window runs from the connection's `status_swept_at` to `now`;
 * the intents and the new mark commit together, so a sweep that fails is redone whole by the next,
 * and a sweep run twice queues nothing the second time (a pending intent coalesces anyway).
 * Only the workspace's own rows and connection are read.
 */
export async function enqueueStatusChanges(options: {
  db: Db;
  workspaceId: string;
  now: Date;
}): Promise<StatusSweepResult> {
  const { db, workspaceId, now } = options;
  return db.transaction(async (tx) => {
    // Locked: two sweeps of one workspace (two workers) take turns and the second finds its window empty.
    const [connection] = await tx
      .select({ id: hubspotConnections.id, sweptAt: hubspotConnections.statusSweptAt })
      .from(hubspotConnections)
      .where(eq(hubspotConnections.workspaceId, workspaceId))
      .for('update');
    if (!connection) return { licenses: 0, invoices: 0, window: null };
    const from = connection.sweptAt ?? new Date(now.getTime() - STATUS_SWEEP_FIRST_LOOKBACK_MS);
    if (from.getTime() >= now.getTime()) return { licenses: 0, invoices: 0, window: { from, to: now } };

    const expired = await tx
      .select({ id: licenses.id })
      .from(licenses)
      .where(
        and(
          eq(licenses.workspaceId, workspaceId),
          eq(licenses.enabled, true),
          gt(licenses.validUntil, from),
          lte(licenses.validUntil, now),
        ),
      );
    const overdue = await tx
      .select({ id: billingInvoices.id })
      .from(billingInvoices)
      .where(
        and(
          eq(billingInvoices.workspaceId, workspaceId),
          eq(billingInvoices.status, 'open'),
          gt(billingInvoices.dueDate, from),
          lte(billingInvoices.dueDate, now),
        ),
      );
    await enqueueSyncIntent(
      tx,
      workspaceId,
      'license',
      expired.map((r) => r.id),
    );
    await enqueueSyncIntent(
      tx,
      workspaceId,
      'invoice',
      overdue.map((r) => r.id),
    );
    await tx
      .update(hubspotConnections)
      .set({ statusSweptAt: now })
      .where(eq(hubspotConnections.id, connection.id));
    return { licenses: expired.length, invoices: overdue.length, window: { from, to: now } };
  });
}
