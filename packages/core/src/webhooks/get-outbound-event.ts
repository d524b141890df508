import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { outboundEvents } from '../db/schema/index';

export type OutboundEvent = typeof outboundEvents.$inferSelect;

export async function getOutboundEvent(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<OutboundEvent | undefined> {
  const [row] = await db
    .select()
    .from(outboundEvents)
    .where(and(eq(outboundEvents.workspaceId, workspaceId), eq(outboundEvents.id, id)));
  return row;
}
