import { BackendError } from './backend-error';
import type { DashboardLicense, DashboardProduct, LicensedObjectKind } from './dashboard-license';

/** Who the view acts for: the ids Stripe signs, and the dashboard's mode (test or live workspace). */
export interface DashboardIdentity {
  user_id: string;
  account_id: string;
  mode: 'live' | 'test';
}

export interface LicensyncClientOptions {
  /** The deployment, e.g. `https://licensync.example.com` (the manifest's `LICENSYNC_URL`). */
  baseUrl: string;
  identity: DashboardIdentity;
  /** `fetchStripeSignature` of the SDK: a fresh signature of the identity per request. */
  sign: () => Promise<string>;
  fetch?: typeof fetch;
}

export interface NewLicense {
  product: string;
  policy?: string;
  quantity: number;
  /** Only when licensync does not know the Stripe customer yet. */
  email?: string;
}

export type LicensyncClient = ReturnType<typeof createLicensyncClient>;

/**
 * The `/stripe-app/` backend as the views call it. Every call is a POST with the signature in
 * `Stripe-Signature` and the identity in the body, as Stripe's "authenticate UI to backend" asks.
 */
export function createLicensyncClient(options: LicensyncClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function post<T>(path: string, body: object = {}, headers: Record<string, string> = {}): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${base}/stripe-app${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': await options.sign(), ...headers },
        body: JSON.stringify({ ...options.identity, ...body }),
      });
    } catch (err) {
      throw new BackendError(0, `licensync could not be reached at ${base}: ${(err as Error).message}`);
    }
    const answer = await res.json().catch(() => null);
    if (!res.ok) {
      const message = typeof answer?.error === 'string' ? answer.error : `licensync answered ${res.status}`;
      throw new BackendError(res.status, message, answer?.fields ?? {});
    }
    return answer as T;
  }

  return {
    listLicenses: (kind: LicensedObjectKind, id: string) =>
      post<{ data: DashboardLicense[]; has_more: boolean }>(`/${kind}/${encodeURIComponent(id)}/licenses`),
    getLicense: (id: string) => post<DashboardLicense>(`/licenses/${encodeURIComponent(id)}`),
    enable: (id: string) => post<DashboardLicense>(`/licenses/${encodeURIComponent(id)}/enable`),
    disable: (id: string) => post<DashboardLicense>(`/licenses/${encodeURIComponent(id)}/disable`),
    listProducts: () => post<{ data: DashboardProduct[] }>('/products'),
    /** `idempotencyKey`: one per form submission, so a retried press creates nothing twice. */
    createLicense: (customerId: string, license: NewLicense, idempotencyKey: string) =>
      post<{ order_id: string; data: DashboardLicense[] }>(
        `/customers/${encodeURIComponent(customerId)}/licenses/create`,
        license,
        { 'Idempotency-Key': idempotencyKey },
      ),
  };
}
