import * as schema from '@licensync/core/schema';
import { type AssociationPair, associateRecords } from '@licensync/hubspot';
import { and, eq, inArray } from 'drizzle-orm';
import type { SyncContext } from './sync-context';

const { hubspotAssociations: ledger } = schema;

/**
 * Creates the associations we have not created before (the ledger remembers them per portal), so
 * a record synced again costs no association call. Returns failures as `fromId → message`.
 */
export async function associateMissing(
  ctx: SyncContext,
  fromType: string,
  toType: string,
  pairs: AssociationPair[],
): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map();
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
