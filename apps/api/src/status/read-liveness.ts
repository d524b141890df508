import type { Db } from '@licensync/core/db';
import type { Queues } from '@licensync/core/queues';
import * as schema from '@licensync/core/schema';
import { and, asc, eq } from 'drizzle-orm';

export interface Liveness {
  /**
   * Workers consuming each queue, from BullMQ's own registry (every worker names its Redis
   * connection after its queue, and a connection closes with its process). Null when Redis is
   * down or hides its client list (some managed Redis services do).
   */
  workers: Record<string, number> | null;
  /** The event received longest ago that no worker has finished, or null when none waits. */
  oldestWaitingEvent: { id: number; type: string; receivedAt: Date; ageSeconds: number } | null;
}

/** Whether anything processes events, and how long the oldest one has waited. */
export async function readLiveness(deps: {
  db: Db;
  queues: Queues;
  workspaceId: string;
  now?: Date;
}): Promise<Liveness> {
  const now = deps.now ?? new Date();
  const [workers, oldest] = await Promise.all([
    countWorkers(deps.queues).catch(() => null),
    deps.db
      .select({
        id: schema.inboxEvents.id,
        type: schema.inboxEvents.type,
        receivedAt: schema.inboxEvents.receivedAt,
      })
      .from(schema.inboxEvents)
      .where(
        and(eq(schema.inboxEvents.workspaceId, deps.workspaceId), eq(schema.inboxEvents.status, 'pending')),
      )
      .orderBy(asc(schema.inboxEvents.receivedAt))
      .limit(1),
  ]);
  const row = oldest[0];
  return {
    workers,
    oldestWaitingEvent: row
      ? { ...row, ageSeconds: Math.max(0, Math.round((now.getTime() - row.receivedAt.getTime()) / 1000)) }
      : null,
  };
}

/** True when every queue has at least one worker: otherwise some kind of work is never done. */
export function workersReady(workers: Liveness['workers']): boolean {
  return workers !== null && Object.values(workers).every((n) => n > 0);
}

/** The liveness as the api's JSON shows it (snake_case, ISO times). */
export function toLivenessJson(l: Liveness) {
  return {
    workers: l.workers,
    workers_ready: workersReady(l.workers),
    oldest_waiting_event: l.oldestWaitingEvent && {
      id: l.oldestWaitingEvent.id,
      type: l.oldestWaitingEvent.type,
      received_at: l.oldestWaitingEvent.receivedAt.toISOString(),
      age_seconds: l.oldestWaitingEvent.ageSeconds,
    },
  };
}

async function countWorkers(queues: Queues): Promise<Record<string, number> | null> {
  const entries = await Promise.all(
    Object.values(queues).map(async (q) => {
      const list = await withTimeout(q.getWorkers(), 2000);
      // BullMQ answers a placeholder without an address where CLIENT LIST is refused.
      return list.some((w) => !('addr' in w)) ? null : ([q.name, list.length] as const);
    }),
  );
  return entries.includes(null) ? null : Object.fromEntries(entries as (readonly [string, number])[]);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
