import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { hubspotConnections } from '../db/schema/index';

export type PortalWorkspace =
  | { found: true; workspaceId: string; connectionId: string }
  | { found: false; reason: 'unknown' | 'ambiguous' };

/**
 * The workspace a signed HubSpot request acts on: the one whose connection to that portal is not
 * disconnected. A portal connected to two workspaces selects neither, so no request can reach the
 * wrong one's data.
 */
export async function findPortalWorkspace(db: DbOrTx, portalId: string): Promise<PortalWorkspace> {
  const rows = await db
    .select({ workspaceId: hubspotConnections.workspaceId, connectionId: hubspotConnections.id })
    .from(hubspotConnections)
    .where(and(eq(hubspotConnections.portalId, portalId), ne(hubspotConnections.status, 'disconnected')))
    .limit(2);
  if (rows.length === 0) return { found: false, reason: 'unknown' };
  if (rows.length > 1) return { found: false, reason: 'ambiguous' };
  return { found: true, ...rows[0]! };
}
