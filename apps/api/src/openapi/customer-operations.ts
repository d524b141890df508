import { z } from 'zod';
import {
  customerAccountPatchBody,
  customerLicensesQuery,
  customerPatchBody,
  customerSearchQuery,
} from '../routes/admin/customer-bodies';
import type { AdminOperation } from './admin-operation';
import {
  accountJson,
  customerJson,
  editAnswer,
  hubspotRecordJson,
  licenseJson,
  pageOf,
} from './response-schemas';

const withDetails = customerJson.extend({ hubspot_records: z.array(hubspotRecordJson) });
const accountDetails = accountJson.extend({
  contacts: z.array(customerJson),
  hubspot_records: z.array(hubspotRecordJson),
});

/** Customers and customer accounts. */
export const CUSTOMER_OPERATIONS: AdminOperation[] = [
  {
    method: 'get',
    path: '/customers',
    tag: 'customers',
    summary: 'Search by email, name, company or domain, closest first',
    query: customerSearchQuery,
    response: z.looseObject({ data: z.array(customerJson) }),
  },
  {
    method: 'get',
    path: '/customers/{id}',
    tag: 'customers',
    summary: 'One customer and its HubSpot records',
    response: withDetails,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/customers/{id}',
    tag: 'customers',
    summary: 'Edit a customer',
    body: customerPatchBody,
    response: editAnswer('customer', withDetails),
    errors: [404],
    example: { request: { name: 'Augusta Ada King' } },
  },
  {
    method: 'get',
    path: '/customers/{id}/licenses',
    tag: 'customers',
    summary: 'A customer’s licenses',
    query: customerLicensesQuery,
    response: pageOf(licenseJson),
    errors: [404],
  },
  {
    method: 'get',
    path: '/customer_accounts',
    tag: 'customers',
    summary: 'Search accounts by name or domain',
    query: customerSearchQuery,
    response: z.looseObject({ data: z.array(accountJson) }),
  },
  {
    method: 'get',
    path: '/customer_accounts/{id}',
    tag: 'customers',
    summary: 'One account, its contacts and HubSpot records',
    response: accountDetails,
    errors: [404],
  },
  {
    method: 'patch',
    path: '/customer_accounts/{id}',
    tag: 'customers',
    summary: 'Edit an account',
    body: customerAccountPatchBody,
    response: editAnswer('customer_account', accountDetails),
    errors: [404],
    example: { request: { domain: 'engines.example' } },
  },
  {
    method: 'get',
    path: '/customer_accounts/{id}/licenses',
    tag: 'customers',
    summary: 'An account’s licenses',
    query: customerLicensesQuery,
    response: pageOf(licenseJson),
    errors: [404],
  },
];
