import type { Db } from '@licensync/core/db';
import { type HubspotObjectTypeIds, hubspotConnections } from '@licensync/core/schema';
import { eq } from 'drizzle-orm';

export type HubspotConnection = typeof hubspotConnections.$inferSelect;

export async function getHubspotConnection(db: Db, workspaceId: string): Promise<HubspotConnection | null> {
  const [row] = await db
    .select()
    .from(hubspotConnections)
    .where(eq(hubspotConnections.workspaceId, workspaceId));
  return row ?? null;
}

/** Stores what a deployment found or created: the portal's objectTypeIds and the schema version. */
export async function saveHubspotSchemaState(
  db: Db,
  connectionId: string,
  state: { objectTypeIds: HubspotObjectTypeIds; version: number },
): Promise<void> {
  await db
    .update(hubspotConnections)
    .set({ objectTypeIds: state.objectTypeIds, schemaVersion: state.version, updatedAt: new Date() })
    .where(eq(hubspotConnections.id, connectionId));
}
