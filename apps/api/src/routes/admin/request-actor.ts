import type { Request } from 'express';
import { requestOperator } from '../../middleware/authenticate-operator';

// Self-declared by the caller, so it only says how a request came, never who may act.
const CLIENTS = new Set(['cli', 'hubspot', 'console', 'workflow']);

/** The client an admin request came through, for the history: `cli`, `hubspot`, `console`, `workflow` or `api`. */
export function requestClient(req: Request): string {
  const client = req.get('x-licensync-client') ?? '';
  return CLIENTS.has(client) ? client : 'api';
}

/**
 * Who made an admin request, for the history: the key it signed in with (`admin-token` or
 * `key:<name>`), the same actor the activity log's `actor` column holds.
 */
export function requestActor(req: Request): string {
  return requestOperator(req)?.actor ?? 'unknown';
}
