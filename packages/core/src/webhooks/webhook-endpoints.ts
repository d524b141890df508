import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { webhookEndpoints } from '../db/schema/index';
import type { SecretBox } from '../secrets/secret-box';

export type WebhookEndpoint = Omit<typeof webhookEndpoints.$inferSelect, 'secret'>;

const publicColumns = {
  id: webhookEndpoints.id,
  workspaceId: webhookEndpoints.workspaceId,
  url: webhookEndpoints.url,
  eventTypes: webhookEndpoints.eventTypes,
  enabled: webhookEndpoints.enabled,
  createdAt: webhookEndpoints.createdAt,
};

/** Creates an endpoint with a fresh `whsec_…` secret, returned only here; it is stored sealed. */
export async function createWebhookEndpoint(
  db: DbOrTx,
  secrets: SecretBox,
  input: { workspaceId: string; url: string; eventTypes: string[] },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ ...input, secret: secrets.seal(secret) })
    .returning(publicColumns);
  return { endpoint: endpoint!, secret };
}

export function listWebhookEndpoints(db: DbOrTx, workspaceId: string): Promise<WebhookEndpoint[]> {
  return db
    .select(publicColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.workspaceId, workspaceId))
    .orderBy(desc(webhookEndpoints.createdAt));
}

/** Deletes the endpoint and its delivery log; false when the workspace has no such endpoint. */
export async function deleteWebhookEndpoint(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return gone.length > 0;
}

/** The endpoint with its opened secret, for signing; undefined when gone. */
export async function getWebhookEndpointForDelivery(
  db: DbOrTx,
  secrets: SecretBox,
  workspaceId: string,
  id: string,
) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id)));
  return row ? { ...row, secret: secrets.open(row.secret) } : undefined;
}
