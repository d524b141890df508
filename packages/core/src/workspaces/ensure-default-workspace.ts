import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { workspaces } from '../db/schema/index';

export const DEFAULT_WORKSPACE_SLUG = 'default';

export type Workspace = typeof workspaces.$inferSelect;

/** The workspace single-tenant installs use; created on first start. */
export async function ensureDefaultWorkspace(db: Db): Promise<Workspace> {
  await db
    .insert(workspaces)
    .values({ slug: DEFAULT_WORKSPACE_SLUG, name: 'Default workspace' })
    .onConflictDoNothing({ target: workspaces.slug });
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, DEFAULT_WORKSPACE_SLUG));
  return row!;
}
