import {
  getStripeConnection,
  type StripeConnection,
  saveStripeConnection,
} from '@licensync/core/connections';
import { InvalidInputError } from '@licensync/core/errors';
import { createStripeClient, HANDLED_STRIPE_EVENTS, STRIPE_API_VERSION } from '@licensync/core/stripe';
import type { Workspace } from '@licensync/core/workspaces';
import type Stripe from 'stripe';
import type { AppDeps } from '../app-deps';

export interface ConnectStripeInput {
  /** A secret (`sk_`) or restricted (`rk_`) key of the workspace's account. */
  apiKey?: string | undefined;
  /** The signing secret of an endpoint registered by hand. */
  webhookSecret?: string | undefined;
  /** Register `/webhooks/stripe/{slug}` in the account, with the events we handle and our API version. */
  registerWebhook?: boolean | undefined;
}

/**
 * Stores a workspace's Stripe key after Stripe accepted it (`GET /v1/account`), and optionally
 * registers our webhook endpoint there, keeping the signing secret Stripe returns. A key Stripe
 * refuses is a 400 naming the field; nothing is stored then.
 */
export async function connectStripe(
  deps: Pick<AppDeps, 'db' | 'config' | 'secrets' | 'logger'>,
  workspace: Workspace,
  input: ConnectStripeInput,
): Promise<StripeConnection> {
  const { db, config, secrets } = deps;
  const current = await getStripeConnection(db, workspace.id);
  const apiKey = input.apiKey ?? (current?.apiKey ? secrets.open(current.apiKey) : undefined);
  if (input.registerWebhook && !apiKey)
    throw new InvalidInputError({ register_webhook: 'needs api_key (registering is done with the key)' });

  const stripe = apiKey ? createStripeClient({ apiKey, apiBase: config.STRIPE_API_BASE }) : undefined;
  let account: Stripe.Account | undefined;
  if (stripe && input.apiKey) {
    account = await stripe.accounts.retrieve().catch((err: Error) => {
      throw new InvalidInputError({ api_key: `Stripe refused the key: ${err.message}` });
    });
  }
  let webhookSecret = input.webhookSecret;
  let webhookEndpointId = input.webhookSecret ? null : current?.webhookEndpointId;
  if (stripe && input.registerWebhook) {
    const endpoint = await stripe.webhookEndpoints.create({
      url: `${config.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/stripe/${workspace.slug}`,
      enabled_events: [...HANDLED_STRIPE_EVENTS],
      api_version: STRIPE_API_VERSION,
      description: `licensync workspace ${workspace.slug}`,
    });
    webhookSecret = endpoint.secret;
    // The endpoint it replaces would deliver every event twice (once checked with a lost secret).
    if (current?.webhookEndpointId) {
      await stripe.webhookEndpoints.del(current.webhookEndpointId).catch((err: Error) => {
        deps.logger.warn(
          { endpoint: current.webhookEndpointId, err: err.message },
          'old endpoint not deleted',
        );
      });
    }
    webhookEndpointId = endpoint.id;
  }
  return saveStripeConnection(db, workspace.id, {
    ...(input.apiKey && {
      apiKey: secrets.seal(input.apiKey),
      accountId: account?.id ?? null,
      livemode: /^(sk|rk)_live_/.test(input.apiKey),
    }),
    ...(webhookSecret && { webhookSecret: secrets.seal(webhookSecret) }),
    webhookEndpointId: webhookEndpointId ?? null,
    status: 'connected',
    lastError: null,
  });
}
