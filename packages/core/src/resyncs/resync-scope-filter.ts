import { eq, type SQL } from 'drizzle-orm';
import type { SyncObjectKind } from '../db/schema/index';
import type { ResolvedScope } from './resolve-resync-scope';
import { RESYNC_RECORD_TABLES } from './resync-record-tables';

/**
 * The where-clause of one kind's rows in a scope (besides the workspace): undefined = all of
 * them, false = none (a record scope of another kind).
 */
export function resyncScopeFilter(kind: SyncObjectKind, scope: ResolvedScope): SQL | undefined | false {
  const t = RESYNC_RECORD_TABLES;
  if (scope.type === 'workspace') return undefined;
  if (scope.type === 'record') return scope.kind === kind && eq(t[kind].id, scope.id);
  switch (kind) {
    case 'customer':
      return eq(t.customer.id, scope.customerId);
    case 'subscription':
      return eq(t.subscription.customerId, scope.customerId);
    case 'invoice':
      return eq(t.invoice.customerId, scope.customerId);
    case 'license':
      return eq(t.license.customerId, scope.customerId);
  }
}
