import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { enqueueSyncIntent } from '../outbox/enqueue-sync-intent';

export interface LastCheckBuffer {
  /** Notes a check; written with the next flush. Never throws, never waits. */
  record(check: { workspaceId: string; licenseId: string; activationId: string; at: Date }): void;
  /** Writes what is buffered; on failure the checks stay buffered for the next flush. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

export interface LastCheckBufferOptions {
  db: Db;
  /** How often the buffer is written, in ms. */
  flushMs: number;
  /**
   * The license's `last_check_at` (and so HubSpot) moves only when it is at least this many
   * seconds older than the new check: a license checked every second is one HubSpot update per
   * this period, while each activation's own last check stays exact.
   */
  syncResolutionS: number;
  /** Flushes early once this many activations are waiting. */
  maxPending?: number;
  onError?: (err: unknown) => void;
}

type Pending = { workspaceId: string; licenseId: string; at: Date };

/**
 * Write-behind for the check endpoint's "last check": a check costs no write; the buffer keeps
 * the latest check per activation and writes them all in two statements per flush, then one
 * coalesced outbox intent per license whose HubSpot-visible last check moved.
 */
export function createLastCheckBuffer(options: LastCheckBufferOptions): LastCheckBuffer {
  let pending = new Map<string, Pending>();
  let flushing: Promise<void> | null = null;
  const maxPending = options.maxPending ?? 10_000;

  async function write(batch: Map<string, Pending>): Promise<void> {
    const rows = [...batch].map(
      ([activationId, p]) =>
        sql`(${activationId}::uuid, ${p.licenseId}::uuid, ${p.at.toISOString()}::timestamptz)`,
    );
    await options.db.transaction(async (tx) => {
      await tx.execute(sql`update license_activations a set last_check_at = v.at
        from (values ${sql.join(rows, sql`, `)}) v(id, license_id, at)
        where a.id = v.id and (a.last_check_at is null or a.last_check_at < v.at)`);
      const moved = await tx.execute<{
        id: string;
        workspace_id: string;
      }>(sql`update licenses l set last_check_at = v.at
        from (select license_id, max(at) as at from (values ${sql.join(rows, sql`, `)}) x(id, license_id, at)
              group by license_id) v
        where l.id = v.license_id
          and (l.last_check_at is null
               or l.last_check_at < v.at - make_interval(secs => ${options.syncResolutionS}))
        returning l.id, l.workspace_id`);
      const byWorkspace = new Map<string, string[]>();
      for (const r of moved.rows)
        byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.id]);
      for (const [workspaceId, ids] of byWorkspace) await enqueueSyncIntent(tx, workspaceId, 'license', ids);
    });
  }

  async function flush(): Promise<void> {
    if (flushing) await flushing;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    flushing = write(batch)
      .catch((err: unknown) => {
        // Keep them: a newer check recorded meanwhile wins over the failed one.
        for (const [id, p] of batch) if (!pending.has(id)) pending.set(id, p);
        options.onError?.(err);
      })
      .finally(() => {
        flushing = null;
      });
    await flushing;
  }

  const timer = setInterval(() => void flush(), options.flushMs);
  timer.unref();

  return {
    record(check) {
      const current = pending.get(check.activationId);
      if (current && current.at >= check.at) return;
      pending.set(check.activationId, {
        workspaceId: check.workspaceId,
        licenseId: check.licenseId,
        at: check.at,
      });
      if (pending.size >= maxPending) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
