import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Intent id → `attempts` at its claim, which tells this claim apart from a later one of the id. */
type Claims = Map<number, number>;

const current = new AsyncLocalStorage<Claims>();

/** Called by `claimSyncIntents`: the claims belong to the `renewClaimsWhile` around the caller, if any. */
export function noteClaimed(claimed: Array<{ id: number; attempts: number }>): void {
  const claims = current.getStore();
  if (claims) for (const c of claimed) claims.set(c.id, c.attempts);
}

/**
 * Runs `work` and, every third of `leaseMs` until it ends, pushes the lease of every intent it
 * claimed and still holds `leaseMs` ahead. A short lease then frees a dead worker's claims soon,
 * while a live batch that takes long (rate limit, slow HubSpot) is never released under it and
 * synced twice. A failed renewal is ignored: two more come before the lease runs out.
 */
export async function renewClaimsWhile<T>(
  opts: { db: Db; leaseMs: number },
  work: () => Promise<T>,
): Promise<T> {
  const claims: Claims = new Map();
  let renewing = false;
  const renew = async () => {
    if (renewing || claims.size === 0) return;
    renewing = true;
    const sent = [...claims];
    try {
      const res = await opts.db.execute<{ id: string }>(sql`
        update sync_outbox set available_at = now() + ${opts.leaseMs} * interval '1 millisecond'
         where status = 'processing' and (id, attempts) in (${sql.join(
           sent.map(([id, attempts]) => sql`(${id}::bigint, ${attempts}::int)`),
           sql`, `,
         )})
        returning id`);
      // Settled or reaped claims drop out, so the list stays about one batch long.
      const held = new Set(res.rows.map((r) => Number(r.id)));
      for (const [id, attempts] of sent) {
        if (!held.has(id) && claims.get(id) === attempts) claims.delete(id);
      }
    } catch {
      // See above.
    } finally {
      renewing = false;
    }
  };
  const timer = setInterval(() => void renew(), Math.max(opts.leaseMs / 3, 10));
  try {
    return await current.run(claims, work);
  } finally {
    clearInterval(timer);
  }
}
