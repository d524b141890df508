import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { inArray } from 'drizzle-orm';
import { eventually } from './eventually';

export type InboxRow = typeof schema.inboxEvents.$inferSelect;

/** Waits until every given provider event has an inbox row that left `pending`; returns the rows. */
export function settleInbox(db: Db, externalIds: string[], timeoutMs = 20_000): Promise<InboxRow[]> {
  const wanted = new Set(externalIds);
  return eventually(async () => {
    const rows = await db
      .select()
      .from(schema.inboxEvents)
      .where(inArray(schema.inboxEvents.externalId, [...wanted]));
    return rows.length === wanted.size && rows.every((r) => r.status !== 'pending') ? rows : undefined;
  }, timeoutMs);
}
