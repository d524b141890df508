import { hubspot } from '@hubspot/ui-extensions';
import { BackendError, errorFromAnswer } from './backend-error';
import { BACKEND_URL } from './backend-url.generated';
import type {
  Account,
  ChangedField,
  Customer,
  DealLicenses,
  License,
  LicenseDetailAnswer,
  Policy,
  Product,
  RecordLicenses,
  RecordRef,
  SimilarCustomer,
  SyncStatus,
} from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type FetchFn = (
  url: string,
  options: { method: Method; timeout: number; body?: Record<string, unknown> },
) => Promise<Response>;

/** Below HubSpot's own 15 s default: a rep sees our message, not a blank card. */
export const DEFAULT_TIMEOUT_MS = 12_000;

export interface BackendOptions {
  baseUrl?: string;
  timeoutMs?: number;
  /** Defaults to `hubspot.fetch`, looked up at call time so a test's spy on it is used. */
  fetch?: FetchFn;
}

export interface CreateOrderInput {
  productId: string;
  policyId: string;
  quantity: number;
  overrides: Record<string, unknown>;
  /** The record as the card read it (see buildRecord): the backend never reads HubSpot while answering. */
  record: Record<string, unknown>;
  /** The same id for a retried submit of the same order, so a retry never creates a second one. */
  requestId: string;
}

function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

const recordPath = (record: RecordRef) =>
  `/hubspot/cards/records/${encodeURIComponent(record.objectType)}/${encodeURIComponent(record.objectId)}`;

export function createBackend(options: BackendOptions = {}) {
  const baseUrl = (options.baseUrl ?? BACKEND_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch: FetchFn = options.fetch ?? ((url, init) => hubspot.fetch(url, init));

  async function request<T>(method: Method, path: string, body?: Record<string, unknown>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // hubspot.fetch takes a timeout too, but our own timer guarantees the card never waits longer.
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new BackendError(
              `licensync did not answer within ${Math.round(timeoutMs / 1000)} s; try again in a moment.`,
              0,
              'timeout',
            ),
          ),
        timeoutMs,
      );
    });
    try {
      const init = body === undefined ? { method, timeout: timeoutMs } : { method, timeout: timeoutMs, body };
      const response = await Promise.race([doFetch(`${baseUrl}${path}`, init), timedOut]).catch((error) => {
        if (error instanceof BackendError) throw error;
        throw new BackendError(`Could not reach licensync: ${(error as Error).message}`, 0, 'unreachable');
      });
      const text = await Promise.race([response.text(), timedOut]);
      let json: unknown = null;
      try {
        json = text.length > 0 ? JSON.parse(text) : null;
      } catch {
        if (response.ok)
          throw new BackendError(
            'licensync answered something that is not JSON.',
            response.status,
            'bad_answer',
          );
      }
      if (!response.ok) throw errorFromAnswer(response.status, json);
      return json as T;
    } finally {
      clearTimeout(timer);
    }
  }

  const license = (licenseId: string) => `/hubspot/cards/licenses/${encodeURIComponent(licenseId)}`;
  return {
    listProducts: () => request<{ products: Product[] }>('GET', '/hubspot/cards/products'),
    listPolicies: (productId: string) =>
      request<{ policies: Policy[] }>(
        'GET',
        `/hubspot/cards/products/${encodeURIComponent(productId)}/policies`,
      ),
    createOrder: (record: RecordRef, input: CreateOrderInput) =>
      request<{ order: { id: string }; licenses: License[] }>('POST', '/hubspot/cards/orders', {
        objectType: record.objectType,
        objectId: record.objectId,
        ...input,
      }),
    recordLicenses: (record: RecordRef, query: { limit?: number; startingAfter?: string } = {}) =>
      request<RecordLicenses>('GET', `${recordPath(record)}/licenses${queryString(query)}`),
    similarCustomers: (record: RecordRef, query: Record<string, string>) =>
      request<{ customers: SimilarCustomer[] }>(
        'GET',
        `${recordPath(record)}/similar-customers${queryString(query)}`,
      ),
    /** `replace` moves a customer already connected to another record of the same type (else 409). */
    connect: (record: RecordRef, customerId: string, payload: Record<string, unknown>, replace = false) =>
      request<{ customer?: Customer; account?: Account; changedFields: ChangedField[] }>(
        'PUT',
        `${recordPath(record)}/connection`,
        { customerId, record: payload, ...(replace ? { replace: true } : {}) },
      ),
    disconnect: (record: RecordRef) =>
      request<{ disconnected: boolean }>('DELETE', `${recordPath(record)}/connection`),
    license: (licenseId: string) => request<LicenseDetailAnswer>('GET', license(licenseId)),
    updateLicense: (licenseId: string, changes: Record<string, unknown>) =>
      request<{ license: License; changedFields: ChangedField[] }>('PATCH', license(licenseId), changes),
    addFeature: (licenseId: string, code: string) =>
      request<{ changedFields: ChangedField[] }>('POST', `${license(licenseId)}/features`, { code }),
    removeFeature: (licenseId: string, code: string) =>
      request<{ changedFields: ChangedField[] }>(
        'DELETE',
        `${license(licenseId)}/features/${encodeURIComponent(code)}`,
      ),
    setCustomField: (licenseId: string, name: string, value: string) =>
      request<{ changedFields: ChangedField[] }>(
        'PUT',
        `${license(licenseId)}/custom-fields/${encodeURIComponent(name)}`,
        { value },
      ),
    startSync: (record: RecordRef) =>
      request<{ syncId: string; queued: number }>('POST', `${recordPath(record)}/sync`),
    syncStatus: (syncId: string) =>
      request<SyncStatus>('GET', `/hubspot/cards/syncs/${encodeURIComponent(syncId)}`),
    /** The signed-in user's field choice per layout (kept by licensync per portal and user). */
    fieldSettings: () =>
      request<{ fields: Record<'sidebar' | 'table', string[] | null> }>(
        'GET',
        '/hubspot/cards/settings/fields',
      ),
    saveFieldSettings: (layout: 'sidebar' | 'table', fields: string[]) =>
      request<{ fields: Record<'sidebar' | 'table', string[] | null> }>(
        'PUT',
        '/hubspot/cards/settings/fields',
        {
          layout,
          fields,
        },
      ),
    dealLicenses: (dealId: string, of: 'contacts' | 'companies', perRecord = 5) =>
      request<DealLicenses>(
        'GET',
        `/hubspot/cards/deals/${encodeURIComponent(dealId)}/licenses${queryString({ of, perRecord })}`,
      ),
  };
}

export type Backend = ReturnType<typeof createBackend>;
