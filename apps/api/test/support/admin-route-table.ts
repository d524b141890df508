import type { AdminFixtures } from './seed-admin-fixtures';

/**
 * One admin route with a request that it accepts: the fuzz test sends it as is, mutated, or
 * replaced by noise. `{code}`, `{license}`, `{failure}` in the path stand for seeded rows.
 */
export interface AdminRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

const policy = { code: 'fz', name: 'Fuzzed', license_type: 'time-limited', valid_duration: '30d' };

/** Every route under `/api/v1`, plus the jobs dashboard, each with a valid example request. */
export const ADMIN_ROUTES: AdminRoute[] = [
  { method: 'GET', path: '/products' },
  { method: 'POST', path: '/products', body: { short_code: 'fz', name: 'Fz', authorization_method: 'user' } },
  { method: 'GET', path: '/products/{code}' },
  { method: 'PATCH', path: '/products/{code}', body: { name: 'Renamed' } },
  { method: 'POST', path: '/products/{code}/policies', body: policy },
  {
    method: 'POST',
    path: '/products/{code}/features',
    body: { code: 'fz', name: 'Fz', feature_type: 'consumption', max_consumption: 5 },
  },
  { method: 'POST', path: '/products/{code}/custom_fields', body: { name: 'tier', default_value: 'gold' } },
  {
    method: 'POST',
    path: '/catalog/import',
    body: {
      products: [
        {
          short_code: 'cat',
          name: 'Cat',
          authorization_method: 'license-key',
          custom_fields: [{ name: 'tier' }],
          policies: [{ ...policy, custom_field_values: { tier: 'gold' } }],
        },
      ],
    },
  },
  {
    method: 'GET',
    path: '/licenses',
    query: { customer_email: 'fixture@example.com', status: 'enabled', product: 'pro', limit: '5' },
  },
  { method: 'GET', path: '/licenses/{license}' },
  { method: 'POST', path: '/licenses/{license}/enable' },
  { method: 'POST', path: '/licenses/{license}/disable', body: { reason: 'fraud' } },
  { method: 'POST', path: '/licenses/{license}/reissue_key' },
  { method: 'GET', path: '/prices/problems' },
  { method: 'POST', path: '/resyncs', body: { kind: 'stripe-reconcile', scope: 'workspace' } },
  { method: 'GET', path: '/resyncs', query: { kind: 'hubspot-resync', status: 'queued', limit: '3' } },
  { method: 'GET', path: '/resyncs/{resync}' },
  {
    method: 'GET',
    path: '/failures',
    query: { queue: 'inbox-events', since: '2020-01-01', 'created[lte]': '2999-01-01T00:00:00Z', limit: '5' },
  },
  { method: 'GET', path: '/failures/{failure}' },
  { method: 'POST', path: '/failures/replay', body: { filter: { error: 'fixture' }, dry_run: true } },
  { method: 'POST', path: '/failures/discard', body: { ids: ['{failure}'], reason: 'test order' } },
  { method: 'GET', path: '/history', query: { customer_email: 'fixture@example.com', limit: '10' } },
  { method: 'GET', path: '/status' },
  { method: 'GET', path: '/webhook_endpoints' },
  {
    method: 'POST',
    path: '/webhook_endpoints',
    body: { url: 'https://vendor.example/hooks', event_types: ['license.created', 'order.created'] },
  },
  { method: 'GET', path: '/deliveries', query: { customer_id: '0b6c3c1e-58f4-4a8e-9a38-2f1d0c6e7a11' } },
  { method: 'POST', path: '/deliveries', body: { license_ids: ['{license}'] } },
  { method: 'GET', path: '/delivery_template' },
  {
    method: 'PUT',
    path: '/products/{code}/delivery_template',
    body: {
      subject: 'Keys',
      text: '{{#licenses}}{{license_key}}{{/licenses}}',
      html: '<p>{{customer_name}}</p>',
    },
  },
];

/** The example with the seeded ids filled in (`'{failure}'` inside a body becomes the number). */
export function fillIds<T>(value: T, fx: AdminFixtures & { resyncId: string }): T {
  const ids: Record<string, string | number> = {
    '{code}': fx.productCode,
    '{license}': fx.licenseId,
    '{failure}': fx.failureId,
    '{resync}': fx.resyncId,
  };
  if (typeof value === 'string') {
    if (value in ids) return ids[value] as T;
    return value.replace(/\{\w+\}/g, (m) => String(ids[m] ?? m)) as T;
  }
  if (Array.isArray(value)) return value.map((v) => fillIds(v, fx)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillIds(v, fx)])) as T;
  }
  return value;
}
