import type { Request } from 'express';

// One admin token, no labels: a caller says what it is, and anything unknown is the api.
const CLIENTS = new Set(['cli', 'hubspot', 'console', 'workflow']);

/** Who made an admin request, for the history: `cli`, `hubspot`, `console`, `workflow` or `api`. */
export function requestActor(req: Request): string {
  const client = req.get('x-licensync-client') ?? '';
  return CLIENTS.has(client) ? client : 'api';
}
