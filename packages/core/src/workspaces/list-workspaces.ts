import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { workspaces } from '../db/schema/index';
import type { Workspace } from './ensure-default-workspace';

export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  return db.select().from(workspaces).orderBy(asc(workspaces.createdAt), asc(workspaces.slug));
}

export async function findWorkspaceBySlug(db: Db, slug: string): Promise<Workspace | null> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  return row ?? null;
}

/** A workspace's slug, which the console links carry (`?workspace=<slug>`); null if there is none. */
export async function findWorkspaceSlug(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, id));
  return row?.slug ?? null;
}
