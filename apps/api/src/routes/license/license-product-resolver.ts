import type { Db } from '@licensync/core/db';
import { products, workspaces } from '@licensync/core/schema';
import { DEFAULT_WORKSPACE_SLUG } from '@licensync/core/workspaces';
import { and, eq } from 'drizzle-orm';

export interface LicenseProduct {
  workspaceId: string;
  product: { id: string; shortCode: string };
}

/** Products are cached this long, so a check costs no lookup for them. */
const CACHE_MS = 10_000;
const CACHE_MAX = 5000;

/**
 * The product a license API call names, in the workspace of its `Licensync-Workspace` header (the
 * default workspace without one). Unknown ones are cached too, so a flood of calls naming a
 * missing product costs Postgres nothing.
 */
export function createLicenseProductResolver(db: Db) {
  const cache = new Map<string, { value: LicenseProduct | null; until: number }>();
  return async (slug: string | undefined, shortCode: string): Promise<LicenseProduct | null> => {
    const ws = slug?.trim() || DEFAULT_WORKSPACE_SLUG;
    if (ws.length > 200 || ws.includes('\u0000') || !ws.isWellFormed()) return null;
    const id = `${ws}\u0000${shortCode}`;
    const hit = cache.get(id);
    if (hit && hit.until > Date.now()) return hit.value;
    const [row] = await db
      .select({ workspaceId: workspaces.id, id: products.id, shortCode: products.shortCode })
      .from(products)
      .innerJoin(workspaces, eq(workspaces.id, products.workspaceId))
      .where(and(eq(workspaces.slug, ws), eq(products.shortCode, shortCode)));
    const value = row
      ? { workspaceId: row.workspaceId, product: { id: row.id, shortCode: row.shortCode } }
      : null;
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(id, { value, until: Date.now() + CACHE_MS });
    return value;
  };
}
