import type { DbOrTx } from '@licensync/core/db';
import type Stripe from 'stripe';

/**
 * What every provisioning step needs: a database handle or an open transaction (a resync runs
 * each item inside its own transaction, whose nested transactions become savepoints), the
 * workspace's Stripe client and the workspace. Event handlers and the stripe-reconcile both pass
 * one; neither pretends to be the other.
 */
export interface ProvisioningContext {
  db: DbOrTx;
  stripe: Stripe;
  workspaceId: string;
}

/** `ignored`: the object needs nothing from us (e.g. a subscription checkout; invoice.paid handles it). */
export type ProvisioningOutcome = 'processed' | 'ignored';
