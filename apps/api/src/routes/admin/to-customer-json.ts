import type { CustomerAccountDetails, CustomerDetails, HubspotRecordLink } from '@licensync/core/customers';

type CustomerRow = CustomerDetails['customer'];
type AccountRow = NonNullable<CustomerDetails['account']>;

const toHubspotJson = (links: HubspotRecordLink[]) =>
  links.map((l) => ({ customer_id: l.customerId, object_type: l.objectType, object_id: l.objectId }));

/** A customer account as the admin API answers it. */
export function toAccountJson(account: AccountRow) {
  return {
    id: account.id,
    name: account.name,
    domain: account.domain,
    tax_id: account.taxId,
    created_at: account.createdAt.toISOString(),
    updated_at: account.updatedAt.toISOString(),
  };
}

/** A customer as the admin API answers it; `account` is its company, when it has one. */
export function toCustomerJson(
  customer: CustomerRow,
  account: Pick<AccountRow, 'id' | 'name' | 'domain'> | null,
) {
  return {
    id: customer.id,
    email: customer.email,
    name: customer.name,
    customer_type: customer.customerType,
    stripe_customer_id: customer.stripeCustomerId,
    account: account && { id: account.id, name: account.name, domain: account.domain },
    created_at: customer.createdAt.toISOString(),
    updated_at: customer.updatedAt.toISOString(),
  };
}

/** One customer with the HubSpot records it is linked to. */
export function toCustomerDetailsJson({ customer, account, hubspotRecords }: CustomerDetails) {
  return { ...toCustomerJson(customer, account), hubspot_records: toHubspotJson(hubspotRecords) };
}

/** One customer account with its contacts and their HubSpot records. */
export function toAccountDetailsJson({ account, contacts, hubspotRecords }: CustomerAccountDetails) {
  return {
    ...toAccountJson(account),
    contacts: contacts.map((c) => toCustomerJson(c, account)),
    hubspot_records: toHubspotJson(hubspotRecords),
  };
}
