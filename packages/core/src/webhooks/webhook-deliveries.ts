import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { webhookDeliveries } from '../db/schema/index';

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export async function recordWebhookDelivery(
  db: DbOrTx,
  input: Omit<typeof webhookDeliveries.$inferInsert, 'id' | 'at'>,
): Promise<void> {
  await db.insert(webhookDeliveries).values(input);
}

/** An endpoint's attempts, newest first. */
export function listWebhookDeliveries(
  db: DbOrTx,
  workspaceId: string,
  endpointId: string,
  limit = 100,
): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

export async function getWebhookDelivery(
  db: DbOrTx,
  workspaceId: string,
  id: number,
): Promise<WebhookDelivery | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)));
  return row;
}

/** Attempts logged so far for one event at one endpoint, across retries and replays. */
export async function countWebhookAttempts(db: DbOrTx, endpointId: string, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.eventId, eventId)));
  return row?.n ?? 0;
}
