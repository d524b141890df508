import * as schema from '@licensync/core/schema';
import { type AssociationPair, associateRecords } from '@licensync/hubspot';
import { and, eq, inArray } from 'drizzle-orm';
import type { SyncContext } from './sync-context';

const { hubspotAssociations: ledger } = schema;

/**
 * Creates the associations we have not created before (the ledger remembers them per portal), so
 * a record synced again costs no association call. Returns failures as `fromId → message`.
 * Inside `withMergedAssociations` the pairs wait and go out together with the other batches'.
 */
export async function associateMissing(
  ctx: SyncContext,
  fromType: string,
  toType: string,
  pairs: AssociationPair[],
): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
  const turns = rounds.get(ctx);
  if (!turns) return associateNow(ctx, fromType, toType, pairs);
  return new Promise((resolve, reject) => {
    turns.blocked.push({ fromType, toType, pairs, resolve, reject });
    passTurn(ctx, turns);
  });
}

interface Waiter {
  fromType: string;
  toType: string;
  pairs: AssociationPair[];
  resolve(failed: Map<string, string>): void;
  reject(err: unknown): void;
}

/** Batches taking turns: one runs at a time; those waiting on associations are in `blocked`. */
interface Turns {
  ready: (() => void)[];
  blocked: Waiter[];
}

const rounds = new WeakMap<SyncContext, Turns>();

/**
 * Runs `tasks` (syncs of one batch each) one at a time, in turns that end where a task waits on
 * its associations; once every task waits or is done, the waiting pairs go out together, per
 * target type, in calls of up to 100 (a batch of licenses holds ~20 company pairs, five hold a
 * full call). Everything but the association calls thus runs exactly as it would one batch after
 * the other. Resolves with each task's outcome.
 */
export async function withMergedAssociations<T>(
  ctx: SyncContext,
  tasks: (() => Promise<T>)[],
): Promise<PromiseSettledResult<T>[]> {
  const turns: Turns = { ready: [], blocked: [] };
  rounds.set(ctx, turns);
  try {
    const results = tasks.map(
      (task) =>
        new Promise<T>((resolve, reject) => {
          turns.ready.push(() => {
            task()
              .then(resolve, reject)
              .finally(() => passTurn(ctx, turns));
          });
        }),
    );
    passTurn(ctx, turns);
    return await Promise.allSettled(results);
  } finally {
    rounds.delete(ctx);
  }
}

function passTurn(ctx: SyncContext, turns: Turns): void {
  const next = turns.ready.shift();
  if (next) next();
  else if (turns.blocked.length > 0) void flush(ctx, turns);
}

async function flush(ctx: SyncContext, turns: Turns): Promise<void> {
  const waiters = turns.blocked.splice(0);
  const byTarget = new Map<string, Waiter[]>();
  for (const w of waiters)
    byTarget.set(`${w.fromType}>${w.toType}`, [...(byTarget.get(`${w.fromType}>${w.toType}`) ?? []), w]);
  for (const group of byTarget.values()) {
    const { fromType, toType } = group[0]!;
    const unique = new Map(group.flatMap((w) => w.pairs).map((p) => [`${p.fromId}>${p.toId}`, p]));
    try {
      const failed = await associateNow(ctx, fromType, toType, [...unique.values()]);
      for (const w of group) {
        const mine = new Map(
          w.pairs.flatMap((p) => (failed.has(p.fromId) ? [[p.fromId, failed.get(p.fromId)!]] : [])),
        );
        turns.ready.push(() => w.resolve(mine));
      }
    } catch (err) {
      for (const w of group) turns.ready.push(() => w.reject(err));
    }
  }
  passTurn(ctx, turns);
}

async function associateNow(
  ctx: SyncContext,
  fromType: string,
  toType: string,
  pairs: AssociationPair[],
): Promise<Map<string, string>> {
  const known = await ctx.db
    .select({ fromId: ledger.fromId, toId: ledger.toId })
    .from(ledger)
    .where(
      and(
        eq(ledger.portalId, ctx.session.portalId),
        eq(ledger.fromType, fromType),
        eq(ledger.toType, toType),
        inArray(
          ledger.fromId,
          pairs.map((p) => p.fromId),
        ),
      ),
    );
  const seen = new Set(known.map((k) => `${k.fromId}>${k.toId}`));
  const missing = pairs.filter((p) => !seen.has(`${p.fromId}>${p.toId}`));
  if (missing.length === 0) return new Map();
  const failed = await associateRecords(ctx.session, fromType, toType, missing);
  const made = missing.filter((p) => !failed.has(p.fromId));
  if (made.length > 0) {
    await ctx.db
      .insert(ledger)
      .values(
        made.map((p) => ({
          workspaceId: ctx.workspaceId,
          portalId: ctx.session.portalId,
          fromType,
          fromId: p.fromId,
          toType,
          toId: p.toId,
        })),
      )
      .onConflictDoNothing();
  }
  return failed;
}
