import type { Config } from '@licensync/core/config';
import type { Db } from '@licensync/core/db';
import type { SecretBox } from '@licensync/core/secrets';
import { DEFAULT_WORKSPACE_SLUG, findWebhookWorkspace } from '@licensync/core/workspaces';

/**
 * Known workspaces are cached this long, so a delivery costs no lookup. Short, because a Stripe
 * connection that registers a new endpoint replaces the signing secret (an event refused meanwhile
 * is delivered again by Stripe).
 */
const CACHE_MS = 10_000;
const CACHE_MAX = 1000;

export interface WebhookWorkspace {
  id: string;
  slug: string;
  /** What its events are signed with; null when it has none (its Stripe is not connected). */
  secret: string | null;
}

/**
 * The workspace of a webhook URL's slug (the default one when absent) and its signing secret: its
 * own endpoint's secret once Stripe is connected; only the default workspace falls back to
 * `STRIPE_WEBHOOK_SECRET`. A slug no workspace could have (a NUL, a lone surrogate, over 200
 * characters) is unknown without asking Postgres, which would refuse it with an error.
 */
export function createWorkspaceResolver(deps: { db: Db; config: Config; secrets: SecretBox }) {
  const cache = new Map<string, { workspace: WebhookWorkspace; until: number }>();
  return async (param: string | string[] | undefined): Promise<WebhookWorkspace | undefined> => {
    const slug = param === undefined ? DEFAULT_WORKSPACE_SLUG : param;
    if (typeof slug !== 'string' || slug.length > 200 || slug.includes('\u0000') || !slug.isWellFormed())
      return undefined;
    const hit = cache.get(slug);
    if (hit && hit.until > Date.now()) return hit.workspace;
    const found = await findWebhookWorkspace(deps.db, slug);
    if (!found) return undefined;
    const secret = found.sealedWebhookSecret
      ? deps.secrets.open(found.sealedWebhookSecret)
      : found.slug === DEFAULT_WORKSPACE_SLUG
        ? deps.config.STRIPE_WEBHOOK_SECRET
        : null;
    const workspace = { id: found.id, slug: found.slug, secret };
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(slug, { workspace, until: Date.now() + CACHE_MS });
    return workspace;
  };
}
