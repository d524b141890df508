import type { Queue } from 'bullmq';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { workspaces } from '../db/schema/index';
import { RESYNC_KINDS, type RunResyncPayload, runResyncJob } from '../queues/jobs/run-resync';

const resyncSettings = z.object({ resyncCron: z.string().regex(/^\S+( \S+){4,5}$/) }).partial();

/**
 * One job scheduler per workspace and resync kind, firing at the workspace's `resyncCron` setting
 * or `defaultCron`. Upserting is idempotent and replaces a changed pattern, so every worker calls
 * it on start, and the api calls it for one workspace when its cron changes. Returns the pattern used per workspace.
 */
export async function registerResyncSchedulers(
  db: Db,
  queue: Queue,
  defaultCron: string,
  /** Only this workspace's schedulers, e.g. after its `resyncCron` changed; default all. */
  options: { workspaceId?: string } = {},
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: workspaces.id, settings: workspaces.settings })
    .from(workspaces)
    .where(options.workspaceId ? eq(workspaces.id, options.workspaceId) : undefined);
  const patterns = new Map<string, string>();
  for (const { id, settings } of rows) {
    // A malformed setting falls back to the default rather than leaving the workspace unscheduled.
    const parsed = resyncSettings.safeParse(settings);
    const pattern = (parsed.success && parsed.data.resyncCron) || defaultCron;
    for (const kind of RESYNC_KINDS) {
      const data: RunResyncPayload = { trigger: 'schedule', workspaceId: id, kind };
      await queue.upsertJobScheduler(
        runResyncJob.schedulerId(id, kind),
        { pattern, tz: 'UTC' },
        { name: runResyncJob.name, data, opts: { removeOnComplete: 100, removeOnFail: 500 } },
      );
    }
    patterns.set(id, pattern);
  }
  return patterns;
}
