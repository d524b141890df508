import {
  licenseCustomFieldBody,
  licenseFeatureBody,
  licensePatchBody,
} from '../routes/admin/license-edit-bodies';
import { licenseListQuery } from '../routes/admin/license-list-query';
import { disableBody } from '../routes/admin/licenses.route';
import { orderBody } from '../routes/admin/order-body';
import { idempotencyKeyHeader } from '../routes/admin/orders.route';
import type { AdminOperation } from './admin-operation';
import { editAnswer, licenseJson, orderJson, pageOf } from './response-schemas';

const LICENSE_ID = '6f1c2b1e-8d2a-4c59-9a51-3a1f0c7e2b10';
const CUSTOMER_ID = '0b7f4a52-51d3-4f0e-8f43-2a9d2c6f1e77';
const exampleLicense = (id: string, key: string) => ({
  id,
  key,
  license_key: key,
  product: 'pro',
  policy: 'annual',
  license_type: 'time-limited',
  enabled: true,
  disabled_reason: null,
  valid_until: '2027-12-01T14:00:00.000Z',
  maintenance_until: null,
  max_activations: 3,
  floating_cloud: null,
  max_license_users: null,
  is_trial: false,
  customer: { id: CUSTOMER_ID, email: 'ada@example.com' },
  features: [{ code: 'export', max_consumption: null }],
  custom_fields: { tier: 'gold' },
});

/** Orders and licenses: the ledger as an operator manages it. */
export const LEDGER_OPERATIONS: AdminOperation[] = [
  {
    method: 'post',
    path: '/orders',
    tag: 'orders',
    summary: 'Take an order by hand and license it as a Stripe purchase would',
    body: orderBody,
    status: 201,
    response: orderJson,
    errors: [422],
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'Same key and body: the first answer again (200). Same key, another body: 422.',
        schema: idempotencyKeyHeader,
      },
    ],
    example: {
      request: {
        customer: {
          email: 'ada@example.com',
          first_name: 'Ada',
          last_name: 'Lovelace',
          company: 'Analytical Engines',
        },
        product: 'pro',
        policy: 'annual',
        quantity: 2,
        overrides: { max_activations: 3, features: ['export'], custom_fields: { tier: 'gold' } },
      },
      response: {
        id: '3c9d7e0a-2b5f-4f7e-9a1d-6b2c8e4f0a11',
        source: 'manual',
        customer_id: CUSTOMER_ID,
        customer_account_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        licenses: [
          exampleLicense(LICENSE_ID, 'K7Q2-9XJD-4MRT-P8LW'),
          exampleLicense('7e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', 'ZT3H-6NVB-2QKC-8YFE'),
        ],
      },
    },
  },
  {
    method: 'get',
    path: '/licenses',
    tag: 'licenses',
    summary: 'List licenses',
    query: licenseListQuery,
    response: pageOf(licenseJson),
  },
  {
    method: 'get',
    path: '/licenses/{id}',
    tag: 'licenses',
    summary: 'One license',
    response: licenseJson,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/licenses/{id}',
    tag: 'licenses',
    summary: 'Change the fields the license’s type allows',
    body: licensePatchBody,
    response: editAnswer('license', licenseJson),
    errors: [404, 422],
    example: { request: { max_activations: 5, valid_until: '2028-01-01T00:00:00Z' } },
  },
  {
    method: 'post',
    path: '/licenses/{id}/features',
    tag: 'licenses',
    summary: 'Grant one of the product’s features',
    body: licenseFeatureBody,
    status: 201,
    response: editAnswer('license', licenseJson),
    errors: [404, 409, 422],
    example: { request: { code: 'export' } },
  },
  {
    method: 'delete',
    path: '/licenses/{id}/features/{code}',
    tag: 'licenses',
    summary: 'Take a feature off',
    response: editAnswer('license', licenseJson),
    errors: [404],
  },
  {
    method: 'put',
    path: '/licenses/{id}/custom_fields/{name}',
    tag: 'licenses',
    summary: 'Set a custom field value',
    body: licenseCustomFieldBody,
    response: editAnswer('license', licenseJson),
    errors: [404, 422],
    example: { request: { value: 'gold' } },
  },
  {
    method: 'post',
    path: '/licenses/{id}/enable',
    tag: 'licenses',
    summary: 'Enable',
    response: licenseJson,
    errors: [404],
  },
  {
    method: 'post',
    path: '/licenses/{id}/disable',
    tag: 'licenses',
    summary: 'Disable, with a reason',
    body: disableBody,
    response: licenseJson,
    errors: [404],
    example: { request: { reason: 'chargeback by phone' } },
  },
  {
    method: 'post',
    path: '/licenses/{id}/reissue_key',
    tag: 'licenses',
    summary: 'Replace the key',
    response: licenseJson,
    errors: [404],
  },
];
