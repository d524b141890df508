import type { Router } from '../http/router.js';

/** `GET /v1/account`: the account the key belongs to; the fake is one test-mode account. */
export function registerAccountRoutes(router: Router): void {
  router.get('/v1/account', () => ({
    id: 'acct_fake0000000000',
    object: 'account',
    business_profile: { name: 'Fake Stripe account' },
    charges_enabled: true,
    country: 'US',
    default_currency: 'usd',
    details_submitted: true,
    email: null,
    payouts_enabled: true,
    type: 'standard',
  }));
}
