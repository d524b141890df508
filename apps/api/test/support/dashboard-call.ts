import Stripe from 'stripe';

/** A dashboard user as a Stripe app view names itself in every request. */
export interface DashboardIdentity {
  user_id: string;
  account_id: string;
  mode?: 'live' | 'test';
}

const sdk = new Stripe('sk_test_unused');

/**
 * The `Stripe-Signature` that `fetchStripeSignature()` hands a view: Stripe's webhook signature
 * over `{"user_id":…,"account_id":…}` with the app's signing secret.
 */
export function signDashboardUser(
  who: Pick<DashboardIdentity, 'user_id' | 'account_id'>,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const payload = JSON.stringify({ user_id: who.user_id, account_id: who.account_id });
  return sdk.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

export interface DashboardCallOptions {
  /** The header to send; default a fresh signature of `who` with the right secret. */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** POSTs to `/stripe-app<path>` as a view does: signature header, identity in the JSON body. */
export function dashboardCall(baseUrl: string, secret: string) {
  return async (
    path: string,
    who: DashboardIdentity,
    body: Record<string, unknown> = {},
    options: DashboardCallOptions = {},
  ) => {
    const signature = options.signature === undefined ? signDashboardUser(who, secret) : options.signature;
    const res = await fetch(`${baseUrl}/stripe-app${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'stripe-signature': signature }),
        ...options.headers,
      },
      body: JSON.stringify({ ...who, ...body }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
}
