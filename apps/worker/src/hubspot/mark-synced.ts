import type { Db } from '@licensync/core/db';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';

/** The connection's last successful sync, shown by `GET /api/v1/connections`. */
export async function markSynced(db: Db, connectionId: string): Promise<void> {
  await db
    .update(schema.hubspotConnections)
    .set({ lastSyncAt: new Date() })
    .where(eq(schema.hubspotConnections.id, connectionId));
}
