import { and, desc, eq, sql } from 'drizzle-orm';
import type { RecordConnection } from '../customers/hubspot-record-links';
import type { Db, DbOrTx } from '../db/client';
import { customers, licenses, resyncRuns } from '../db/schema/index';
import { recordActivity } from '../history/record-activity';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';
import { countResyncIntents } from './count-resync-intents';
import { getResyncRun } from './get-resync-run';

export interface QueuedRecordSync {
  runId: string;
  licenses: number;
  customers: number;
}

/**
 * "Sync licenses" of one HubSpot record: every license of the customer (or customer account) it is
 * connected to, and those customers, queued for upsert and association at live priority (a person
 * is waiting at the card). The intents carry a run, so the card can follow them; the api writes
 * them all in this transaction, so the run is born `succeeded` (there is nothing left for a worker
 * to walk) and its progress in HubSpot is read from the outbox (`getRecordSyncProgress`).
 *
 * A second click while the record's last run still has intents pending answers that run: queuing
 * a new one would re-tag the pending intents with it (the outbox coalesces them), and the first
 * run's progress would lose them and read "finished" while they are still on their way.
 */
export async function queueRecordSync(options: {
  db: Db;
  workspaceId: string;
  /** `hubspot:<type id>:<record id>`, the resync scope spelling. */
  scope: string;
  connection: RecordConnection;
  requestedBy: string;
}): Promise<QueuedRecordSync> {
  const { db, workspaceId, connection } = options;
  return db.transaction(async (tx) => {
    // Two clicks at once: one decides, the other then finds its run.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`record-sync:${workspaceId}:${options.scope}`}))`,
    );
    const running = await unfinishedRun(tx, workspaceId, options.scope);
    if (running) return running;
    const owner =
      connection.kind === 'customer'
        ? eq(licenses.customerId, connection.customerId)
        : eq(licenses.customerAccountId, connection.accountId);
    const licenseRows = await tx
      .select({ id: licenses.id, customerId: licenses.customerId })
      .from(licenses)
      .where(and(eq(licenses.workspaceId, workspaceId), owner));
    const customerIds =
      connection.kind === 'customer'
        ? [connection.customerId]
        : (
            await tx
              .select({ id: customers.id })
              .from(customers)
              .where(
                and(
                  eq(customers.workspaceId, workspaceId),
                  eq(customers.customerAccountId, connection.accountId),
                ),
              )
          ).map((c) => c.id);
    const allCustomers = [...new Set([...customerIds, ...licenseRows.map((l) => l.customerId)])];
    const now = new Date();
    const total = licenseRows.length + allCustomers.length;
    const [run] = await tx
      .insert(resyncRuns)
      .values({
        workspaceId,
        kind: 'hubspot-resync',
        scope: options.scope,
        status: 'succeeded',
        total,
        done: total,
        report: { via: 'hubspot-card', licenses: licenseRows.length, customers: allCustomers.length },
        requestedBy: options.requestedBy,
        startedAt: now,
        finishedAt: now,
      })
      .returning({ id: resyncRuns.id });
    const tag = { priority: 'live' as const, resyncRunId: run!.id };
    await enqueueSyncIntent(tx, workspaceId, 'customer', allCustomers, tag);
    await enqueueSyncIntent(
      tx,
      workspaceId,
      'license',
      licenseRows.map((l) => l.id),
      tag,
    );
    await recordActivity(tx, {
      workspaceId,
      kind: 'hubspot.record_sync_queued',
      subjects: [options.scope, ...allCustomers.map((id) => `customer:${id}`)],
      outcome: 'ok',
      message: `${licenseRows.length} license(s) and ${allCustomers.length} customer(s) queued by ${options.requestedBy}`,
      detail: { runId: run!.id },
    });
    return { runId: run!.id, licenses: licenseRows.length, customers: allCustomers.length };
  });
}

/** The record's latest card run, when some of its intents are still waiting for HubSpot. */
async function unfinishedRun(
  db: DbOrTx,
  workspaceId: string,
  scope: string,
): Promise<QueuedRecordSync | null> {
  const [last] = await db
    .select({ id: resyncRuns.id, report: resyncRuns.report })
    .from(resyncRuns)
    .where(
      and(
        eq(resyncRuns.workspaceId, workspaceId),
        eq(resyncRuns.kind, 'hubspot-resync'),
        eq(resyncRuns.scope, scope),
        sql`${resyncRuns.report}->>'via' = 'hubspot-card'`,
      ),
    )
    .orderBy(desc(resyncRuns.createdAt))
    .limit(1);
  if (!last) return null;
  const counts = await countResyncIntents(db, last.id);
  if (counts.settled >= counts.total) return null;
  const report = last.report as { licenses?: number; customers?: number };
  return { runId: last.id, licenses: report.licenses ?? 0, customers: report.customers ?? 0 };
}

export interface RecordSyncProgress {
  queued: number;
  done: number;
  failed: number;
  pending: number;
  finished: boolean;
}

/** Where a record sync stands in the outbox; `NotFoundError` for a run of another workspace. */
export async function getRecordSyncProgress(
  db: Db,
  workspaceId: string,
  runId: string,
): Promise<RecordSyncProgress> {
  await getResyncRun({ db, workspaceId, runId });
  const counts = await countResyncIntents(db, runId);
  return {
    queued: counts.total,
    done: counts.settled - counts.failed,
    failed: counts.failed,
    pending: counts.total - counts.settled,
    finished: counts.settled >= counts.total,
  };
}
