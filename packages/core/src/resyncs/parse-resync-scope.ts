/** What a resync covers, as written in `resync_runs.scope`. */
export type ResyncScope =
  | { type: 'workspace' }
  | { type: 'customer'; customerId: string }
  | { type: 'customer'; stripeCustomerId: string }
  | { type: 'hubspot'; objectType: string; recordId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STRIPE_CUSTOMER = /^cus_[A-Za-z0-9]+$/;

/** How a malformed scope is explained, naming every id each form takes. */
export const RESYNC_SCOPE_FORMS =
  'must be workspace, customer:<id> (our customer id or a Stripe customer id, cus_…) or hubspot:<objectType>:<record id>';

/**
 * `workspace`, `customer:<our customer id | Stripe customer id>` or `hubspot:<objectType>:<record id>` (e.g.
 * `hubspot:0-1:5101`, `hubspot:2-1234567:88`). Returns null for anything else.
 */
export function parseResyncScope(scope: string): ResyncScope | null {
  if (scope === 'workspace') return { type: 'workspace' };
  const [head, ...rest] = scope.split(':');
  if (head === 'customer' && rest.length === 1 && UUID.test(rest[0]!)) {
    return { type: 'customer', customerId: rest[0]!.toLowerCase() };
  }
  if (head === 'customer' && rest.length === 1 && STRIPE_CUSTOMER.test(rest[0]!)) {
    return { type: 'customer', stripeCustomerId: rest[0]! };
  }
  if (head === 'hubspot' && rest.length === 2 && rest.every((part) => /^[\w-]+$/.test(part))) {
    return { type: 'hubspot', objectType: rest[0]!, recordId: rest[1]! };
  }
  return null;
}
