import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { stripeConnections } from '../db/schema/index';

/**
 * The workspace connected to a Stripe account in a mode (`acct_…` as the Stripe app's signature
 * names it). Test and live mode of one account are two workspaces, so the mode picks between
 * them; a connection whose mode is unknown (only a signing secret was given) matches either.
 * Null when no workspace is connected to the account.
 */
export async function findStripeAccountWorkspace(
  db: Db,
  accountId: string,
  /** The dashboard's mode; absent = any connection of the account. */
  mode?: 'live' | 'test',
): Promise<string | null> {
  const rows = await db
    .select({ workspaceId: stripeConnections.workspaceId, livemode: stripeConnections.livemode })
    .from(stripeConnections)
    .where(
      and(
        eq(stripeConnections.accountId, accountId),
        mode && or(eq(stripeConnections.livemode, mode === 'live'), isNull(stripeConnections.livemode)),
      ),
    );
  // A connection that names the mode beats one that does not.
  const best = rows.find((r) => r.livemode !== null) ?? rows[0];
  return best?.workspaceId ?? null;
}
