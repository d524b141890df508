import type { Client } from '@hubspot/api-client';
import { forgetPortalData } from '@licensync/core/connections';
import type { Db } from '@licensync/core/db';
import { hubspotConnections } from '@licensync/core/schema';
import type { HubspotCaller } from './create-hubspot-caller';
import { getHubspotConnection, type HubspotConnection } from './hubspot-connection';
import { resolveHubspotConnectionFailures } from './hubspot-connection-failure';

/** `GET /account-info/v3/details` has no typed SDK method; `apiRequest` neither throws nor parses. */
async function fetchPortalId(client: Client, call: HubspotCaller): Promise<string> {
  const res = await call('GET /account-info/v3/details', async () => {
    const r = await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    const headers = Object.fromEntries(r.headers.entries());
    const body = (await r.json().catch(() => ({}))) as { portalId?: number; message?: string };
    if (!r.ok)
      throw Object.assign(new Error(body.message ?? r.statusText), { code: r.status, body, headers });
    return { httpStatusCode: r.status, headers, data: body };
  });
  if (res.data.portalId == null) throw new Error('HubSpot account-info answered without a portalId');
  return String(res.data.portalId);
}

/**
 * The workspace's connection for a static token (until OAuth lands): asks HubSpot which portal the
 * token belongs to and stores it, active (this is how a connection in `error` comes back). A token
 * for another portal starts over: no objectTypeIds, and the old portal's record ids and
 * associations forgotten with every record queued again, in the same transaction. Leaves an OAuth
 * connection, and one an operator disconnected, as they are.
 */
export async function ensureHubspotConnection(opts: {
  db: Db;
  workspaceId: string;
  /** The token sealed with the process's SecretBox: rows never hold it in clear. */
  sealedToken: string;
  client: Client;
  call: HubspotCaller;
}): Promise<HubspotConnection> {
  const current = await getHubspotConnection(opts.db, opts.workspaceId);
  // An OAuth install wins over the static token; an operator's disconnect holds until reconnect.
  if (current?.authKind === 'oauth' || current?.statusReason?.startsWith('disconnected by')) return current;
  const portalId = await fetchPortalId(opts.client, opts.call);
  const samePortal = current?.portalId === portalId;
  const values = {
    workspaceId: opts.workspaceId,
    portalId,
    authKind: 'static' as const,
    accessToken: opts.sealedToken,
    status: 'active' as const,
    statusReason: null,
    updatedAt: new Date(),
    ...(!samePortal && { objectTypeIds: {}, schemaVersion: 0 }),
  };
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(hubspotConnections)
      .values(values)
      .onConflictDoUpdate({ target: hubspotConnections.workspaceId, set: values })
      .returning();
    if (current && !samePortal) await forgetPortalData(tx, opts.workspaceId);
    await resolveHubspotConnectionFailures(tx, opts.workspaceId);
    return row!;
  });
}
