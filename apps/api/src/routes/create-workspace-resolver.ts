import { type Db, schema } from '@licensync/core';
import { eq } from 'drizzle-orm';

const CACHE_MS = 30_000;
const CACHE_MAX = 1000;

/**
 * Workspace id of a webhook URL's slug (the default one when absent), with known slugs cached for
 * 30 s so a delivery costs no lookup. A slug no workspace could have (a NUL, a lone surrogate,
 * over 200 characters) is unknown without asking Postgres, which would refuse it with an error.
 */
export function createWorkspaceResolver(db: Db, defaultWorkspaceId: string) {
  const cache = new Map<string, { id: string; until: number }>();
  return async (slug: string | string[] | undefined): Promise<string | undefined> => {
    if (slug === undefined) return defaultWorkspaceId;
    if (typeof slug !== 'string' || slug.length > 200 || slug.includes('\u0000') || !slug.isWellFormed())
      return undefined;
    const hit = cache.get(slug);
    if (hit && hit.until > Date.now()) return hit.id;
    const [ws] = await db
      .select({ id: schema.workspaces.id })
      .from(schema.workspaces)
      .where(eq(schema.workspaces.slug, slug));
    if (ws) {
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(slug, { id: ws.id, until: Date.now() + CACHE_MS });
    }
    return ws?.id;
  };
}
