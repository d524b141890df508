import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';

export interface OpenWork {
  /** Inbox events received or reopened and not yet processed. */
  inboxPending: number;
  /** Final failures waiting for an operator. */
  failuresOpen: number;
  /** HubSpot sync intents waiting to be written. */
  outboxPending: number;
}

/** What is waiting in Postgres for the workspace, for the status page and `licensync status`. */
export async function countOpenWork(options: { db: DbOrTx; workspaceId: string }): Promise<OpenWork> {
  const { db, workspaceId } = options;
  const res = await db.execute<{ inbox: number; failures: number; outbox: number }>(sql`
    select
      (select count(*)::int from inbox_events where workspace_id = ${workspaceId} and status = 'pending') as inbox,
      (select count(*)::int from job_failures
        where (workspace_id = ${workspaceId} or workspace_id is null) and status = 'failed') as failures,
      (select count(*)::int from sync_outbox where workspace_id = ${workspaceId} and status = 'pending') as outbox`);
  const row = res.rows[0];
  return { inboxPending: row?.inbox ?? 0, failuresOpen: row?.failures ?? 0, outboxPending: row?.outbox ?? 0 };
}
