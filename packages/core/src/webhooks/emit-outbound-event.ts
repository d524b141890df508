import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/client';
import { outboundEvents } from '../db/schema/index';
import type { OutboundEventType } from './outbound-event-types';

/**
 * Records an event for the workspace's webhook endpoints. Call it with the transaction of the
 * change it describes: a rolled-back write then emits nothing, a committed one is delivered by the
 * worker's poller even when Redis is down at commit time.
 */
export async function emitOutboundEvent(
  tx: DbOrTx,
  workspaceId: string,
  type: OutboundEventType,
  data: Record<string, unknown>,
): Promise<string> {
  const id = `evt_${randomBytes(12).toString('hex')}`;
  await tx.insert(outboundEvents).values({ id, workspaceId, type, data });
  return id;
}
