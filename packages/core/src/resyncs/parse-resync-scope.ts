/** What a resync covers, as written in `resync_runs.scope`. */
export type ResyncScope =
  | { type: 'workspace' }
  | { type: 'customer'; customerId: string }
  | { type: 'hubspot'; objectType: string; recordId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `workspace`, `customer:<our customer id>` or `hubspot:<objectType>:<record id>` (e.g.
 * `hubspot:0-1:5101`, `hubspot:2-1234567:88`). Returns null for anything else.
 */
export function parseResyncScope(scope: string): ResyncScope | null {
  if (scope === 'workspace') return { type: 'workspace' };
  const [head, ...rest] = scope.split(':');
  if (head === 'customer' && rest.length === 1 && UUID.test(rest[0]!)) {
    return { type: 'customer', customerId: rest[0]!.toLowerCase() };
  }
  if (head === 'hubspot' && rest.length === 2 && rest.every((part) => /^[\w-]+$/.test(part))) {
    return { type: 'hubspot', objectType: rest[0]!, recordId: rest[1]! };
  }
  return null;
}
