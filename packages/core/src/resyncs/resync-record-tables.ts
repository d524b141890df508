import {
  billingInvoices,
  billingSubscriptions,
  customers,
  licenses,
  type SyncObjectKind,
} from '../db/schema/index';

/** The ledger table behind each kind of record we sync, in the order a hubspot-resync walks them. */
export const RESYNC_RECORD_TABLES = {
  customer: customers,
  subscription: billingSubscriptions,
  invoice: billingInvoices,
  license: licenses,
} as const satisfies Record<SyncObjectKind, unknown>;

export const RESYNC_RECORD_ORDER = Object.keys(RESYNC_RECORD_TABLES) as SyncObjectKind[];
