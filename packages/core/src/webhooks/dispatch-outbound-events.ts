import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outboundEvents, webhookEndpoints } from '../db/schema/index';

export interface WebhookDeliveryWork {
  workspaceId: string;
  endpointId: string;
  eventId: string;
}

/**
 * Moves up to `limit` pending events to `dispatched`, handing `enqueue` one delivery per enabled
 * endpoint subscribed to the event's type. All in one transaction: when enqueueing fails, the
 * events stay pending and the next poll tries again (the job id makes a repeat a no-op).
 */
export async function dispatchOutboundEvents(
  db: Db,
  enqueue: (work: WebhookDeliveryWork[]) => Promise<void>,
  limit = 200,
): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select({ id: outboundEvents.id, workspaceId: outboundEvents.workspaceId, type: outboundEvents.type })
      .from(outboundEvents)
      .where(eq(outboundEvents.status, 'pending'))
      .orderBy(outboundEvents.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (events.length === 0) return 0;
    const workspaceIds = [...new Set(events.map((e) => e.workspaceId))];
    const endpoints = await tx
      .select({
        id: webhookEndpoints.id,
        workspaceId: webhookEndpoints.workspaceId,
        eventTypes: webhookEndpoints.eventTypes,
      })
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.workspaceId, workspaceIds), eq(webhookEndpoints.enabled, true)));
    const work = events.flatMap((e) =>
      endpoints
        .filter((ep) => ep.workspaceId === e.workspaceId)
        .filter((ep) => ep.eventTypes.length === 0 || ep.eventTypes.includes(e.type))
        .map((ep) => ({ workspaceId: e.workspaceId, endpointId: ep.id, eventId: e.id })),
    );
    if (work.length > 0) await enqueue(work);
    await tx
      .update(outboundEvents)
      .set({ status: 'dispatched' })
      .where(
        inArray(
          outboundEvents.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}
