import type { Db } from '../db/client';
import { workspaces } from '../db/schema/index';
import { ConflictError } from '../errors/conflict-error';
import type { Workspace } from './ensure-default-workspace';

/** A workspace slug: it appears in webhook URLs and the `Licensync-Workspace` header. */
export const WORKSPACE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Creates a workspace; a taken slug is a `ConflictError`. */
export async function createWorkspace(db: Db, input: { slug: string; name: string }): Promise<Workspace> {
  const [row] = await db.insert(workspaces).values(input).onConflictDoNothing().returning();
  if (!row) throw new ConflictError('slug', `workspace ${input.slug} already exists`);
  return row;
}
