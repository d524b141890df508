import type { Config } from '@licensync/core/config';
import { getStripeConnection } from '@licensync/core/connections';
import type { Db } from '@licensync/core/db';
import type { Logger } from '@licensync/core/logging';
import type { Queues } from '@licensync/core/queues';
import type { SecretBox } from '@licensync/core/secrets';
import { createStripeClient } from '@licensync/core/stripe';
import type Stripe from 'stripe';
import { createRequestPacer, type RequestPacer } from './create-request-pacer';
import type { ResyncDeps } from './resync-deps';

/** The resyncs' dependencies, with a Stripe client of their own so the pacer sees every request. */
export function createResyncDeps(input: {
  config: Config;
  db: Db;
  logger: Logger;
  queues: Queues;
  stopping: AbortSignal;
  secrets: SecretBox;
}): ResyncDeps {
  // No SDK retries: a slice's own attempts retry, and the pacer then sees every request.
  const stripe = createStripeClient({
    apiKey: input.config.STRIPE_API_KEY,
    apiBase: input.config.STRIPE_API_BASE,
    maxNetworkRetries: 0,
  });
  const pacer = createRequestPacer(stripe, input.config.RESYNC_STRIPE_PER_SECOND);
  // A workspace's own key gets a client (and pacer) of its own, kept until the key changes.
  const own = new Map<string, { sealedKey: string; stripe: Stripe; pacer: RequestPacer }>();
  return {
    ...input,
    stripe,
    pacer,
    async forWorkspace(workspaceId) {
      const connection = await getStripeConnection(input.db, workspaceId);
      if (!connection?.apiKey) return { stripe, pacer };
      const cached = own.get(workspaceId);
      if (cached?.sealedKey === connection.apiKey) return cached;
      const client = createStripeClient({
        apiKey: input.secrets.open(connection.apiKey),
        apiBase: input.config.STRIPE_API_BASE,
        maxNetworkRetries: 0,
      });
      const entry = {
        sealedKey: connection.apiKey,
        stripe: client,
        pacer: createRequestPacer(client, input.config.RESYNC_STRIPE_PER_SECOND),
      };
      own.set(workspaceId, entry);
      return entry;
    },
  };
}
