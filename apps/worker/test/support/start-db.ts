import { createDb, type Db } from '@licensync/core/db';
import { ensureDefaultWorkspace } from '@licensync/core/workspaces';
import { createTestEnv, type TestEnv } from '@licensync/test-env';

export interface DbStack {
  env: TestEnv;
  db: Db;
  /** The default workspace. */
  workspaceId: string;
  /** Closes the pool, then drops the env. */
  close(): Promise<void>;
}

/** An isolated database (and queue prefix) with its default workspace, and no runtime on it. */
export async function startDb(envOverrides: Record<string, string> = {}): Promise<DbStack> {
  const env = await createTestEnv(envOverrides);
  const handle = createDb(env.config.DATABASE_URL);
  const workspaceId = (await ensureDefaultWorkspace(handle.db)).id;
  return {
    env,
    db: handle.db,
    workspaceId,
    async close() {
      await handle.close();
      await env.cleanup();
    },
  };
}
