import { getStripeConnection, hubspotDailyRemainingKey } from '@licensync/core/connections';
import * as schema from '@licensync/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app-deps';
import { toConnectionFix } from './to-connection-fix';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const STATE = { active: 'connected', disconnected: 'disconnected', error: 'error' } as const;

/** Redis key the worker writes HubSpot's `X-HubSpot-RateLimit-Daily-Remaining` to (see hubspot caller). */
export const dailyRemainingKey = (prefix: string, portalId: string) =>
  `${prefix}:hubspot-daily-remaining:${portalId}`;

/** Every connection of one workspace, as `GET /api/v1/connections` shows them. */
export async function listConnections(deps: Pick<AppDeps, 'db' | 'redis' | 'config'>, workspaceId: string) {
  const { db, redis, config } = deps;
  const hubspot = await db
    .select()
    .from(schema.hubspotConnections)
    .where(eq(schema.hubspotConnections.workspaceId, workspaceId));
  const out: Record<string, unknown>[] = [];
  for (const c of hubspot) {
    const remaining = await redis
      .get(hubspotDailyRemainingKey(config.QUEUE_PREFIX, c.portalId))
      .catch(() => null);
    out.push({
      kind: 'hubspot',
      id: c.id,
      auth_kind: c.authKind,
      state: STATE[c.status],
      portal_id: c.portalId,
      connected_since: iso(c.connectedAt),
      last_successful_sync: iso(c.lastSyncAt),
      last_error: c.statusReason
        ? { message: c.statusReason, fix: toConnectionFix('hubspot', c.status, c.statusReason) }
        : null,
      sync_toggles: {
        licenses: true,
        customers: true,
        subscriptions: true,
        invoices: true,
        ...c.syncToggles,
      },
      daily_budget_remaining: remaining === null ? null : Number(remaining),
    });
  }
  const stripe = await getStripeConnection(db, workspaceId);
  if (stripe) {
    out.push({
      kind: 'stripe',
      id: stripe.id,
      state: stripe.status,
      account_id: stripe.accountId,
      livemode: stripe.livemode,
      connected_since: iso(stripe.connectedAt),
      webhook_endpoint_id: stripe.webhookEndpointId,
      has_api_key: stripe.apiKey !== null,
      has_webhook_secret: stripe.webhookSecret !== null,
      last_error: stripe.lastError
        ? { message: stripe.lastError, fix: toConnectionFix('stripe', stripe.status, stripe.lastError) }
        : null,
    });
  }
  return out;
}
