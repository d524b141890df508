import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { customers, externalLinks, type SyncObjectKind } from '../db/schema/index';
import { InvalidInputError } from '../errors/invalid-input-error';
import { parseResyncScope, RESYNC_SCOPE_FORMS } from './parse-resync-scope';

const SYNC_KINDS: readonly string[] = ['customer', 'license', 'subscription', 'invoice'];

/** A scope reduced to our own rows: all of the workspace, one customer's, or one record. */
export type ResolvedScope =
  | { type: 'workspace' }
  | { type: 'customer'; customerId: string; stripeCustomerId: string | null }
  | { type: 'record'; kind: SyncObjectKind; id: string };

/**
 * Finds the rows a scope names in the workspace. A HubSpot scope goes through the links the sync
 * worker stored, so it names whichever of our records that HubSpot record mirrors. Throws an
 * InvalidInputError on `scope` when the scope is malformed or names nothing we have.
 */
export async function resolveResyncScope(
  db: DbOrTx,
  workspaceId: string,
  scope: string,
): Promise<ResolvedScope> {
  const parsed = parseResyncScope(scope);
  if (!parsed) {
    throw new InvalidInputError({ scope: RESYNC_SCOPE_FORMS });
  }
  if (parsed.type === 'workspace') return parsed;
  if (parsed.type === 'customer') {
    const [row] = await db
      .select({ id: customers.id, stripeCustomerId: customers.stripeCustomerId })
      .from(customers)
      .where(
        and(
          eq(customers.workspaceId, workspaceId),
          'customerId' in parsed
            ? eq(customers.id, parsed.customerId)
            : eq(customers.stripeCustomerId, parsed.stripeCustomerId),
        ),
      );
    if (!row) {
      throw new InvalidInputError({
        scope: `no customer ${scope.slice('customer:'.length)} in this workspace; customer:<id> takes our customer id or a Stripe customer id (cus_…)`,
      });
    }
    return { type: 'customer', customerId: row.id, stripeCustomerId: row.stripeCustomerId };
  }
  const [link] = await db
    .select({ kind: externalLinks.entityKind, id: externalLinks.entityId })
    .from(externalLinks)
    .where(
      and(
        eq(externalLinks.workspaceId, workspaceId),
        eq(externalLinks.provider, 'hubspot'),
        eq(externalLinks.externalType, parsed.objectType),
        eq(externalLinks.externalId, parsed.recordId),
      ),
    );
  if (!link || !SYNC_KINDS.includes(link.kind)) {
    throw new InvalidInputError({ scope: 'no record of ours is linked to that HubSpot record' });
  }
  return { type: 'record', kind: link.kind as SyncObjectKind, id: link.id };
}
