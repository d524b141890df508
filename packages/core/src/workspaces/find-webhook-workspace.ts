import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { stripeConnections, workspaces } from '../db/schema/index';

export interface WebhookWorkspace {
  id: string;
  slug: string;
  /** The sealed signing secret of the workspace's own endpoint; null until Stripe is connected. */
  sealedWebhookSecret: string | null;
}

/** The workspace a `/webhooks/stripe/{slug}` URL names, with its signing secret, in one query. */
export async function findWebhookWorkspace(db: Db, slug: string): Promise<WebhookWorkspace | null> {
  const [row] = await db
    .select({
      id: workspaces.id,
      slug: workspaces.slug,
      sealedWebhookSecret: stripeConnections.webhookSecret,
    })
    .from(workspaces)
    .leftJoin(stripeConnections, eq(stripeConnections.workspaceId, workspaces.id))
    .where(eq(workspaces.slug, slug));
  return row ?? null;
}
