import type Stripe from 'stripe';
import type { Config } from '../config/index';
import type { Db } from '../db/client';
import type { SecretBox } from '../secrets/index';
import { createStripeClient } from '../stripe/create-stripe-client';
import { getStripeConnection } from './stripe-connection';

export type WorkspaceStripe = (workspaceId: string) => Promise<Stripe>;

/**
 * The Stripe client of a workspace: its own connected key when it has one, else the process-wide
 * STRIPE_API_KEY client. Clients are kept per workspace and rebuilt when the stored key changes
 * (a reconnect), so a job never reads one account's objects with another account's key. Shared by
 * the worker and the api (the Stripe app checks a customer exists before creating its license).
 */
export function createWorkspaceStripe(deps: {
  config: Config;
  db: Db;
  secrets: SecretBox;
  fallback: Stripe;
}): WorkspaceStripe {
  const clients = new Map<string, { sealedKey: string; client: Stripe }>();
  return async (workspaceId) => {
    const connection = await getStripeConnection(deps.db, workspaceId);
    if (!connection?.apiKey) return deps.fallback;
    const cached = clients.get(workspaceId);
    if (cached?.sealedKey === connection.apiKey) return cached.client;
    const client = createStripeClient({
      apiKey: deps.secrets.open(connection.apiKey),
      apiBase: deps.config.STRIPE_API_BASE,
    });
    clients.set(workspaceId, { sealedKey: connection.apiKey, client });
    return client;
  };
}
