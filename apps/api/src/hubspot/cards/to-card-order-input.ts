import type { RecordConnection } from '@licensync/core/customers';
import type { OrderCustomerInput, OrderInput } from '@licensync/core/orders';
import type { z } from 'zod';
import type { cardOrderBody, companyRecord, contactRecord } from './card-bodies';

type Body = z.output<typeof cardOrderBody>;
export type ContactRecord = z.output<typeof contactRecord>;
export type CompanyRecord = z.output<typeof companyRecord>;

/**
 * Who a card's order licenses. A connected contact: its customer. A new contact: a customer found
 * or created from its email, names and company. A company: its customer account (created from its
 * name and domain when new), issued to the given contact or else the account's first customer. The
 * company always travels with it, so the ledger refuses a blank name before writing anything. Pure.
 */
export function toOrderCustomer(
  record: { type: 'contact'; data: ContactRecord } | { type: 'company'; data: CompanyRecord },
  connection: RecordConnection | null,
): OrderCustomerInput {
  if (record.type === 'contact') {
    const { email, firstName, lastName, company } = record.data;
    const co = company ? { company: { name: company.name, domain: company.domain ?? null } } : {};
    if (connection?.kind === 'customer') return { id: connection.customerId, ...co };
    // A person, whatever the workspace's default object: the card sits on a contact.
    return { email, firstName, lastName, customerType: 'individual', ...co };
  }
  const { name, domain, contact } = record.data;
  if (connection?.kind === 'customer_account') {
    if (name.trim() === '') return { company: { name }, accountId: connection.accountId };
    return { accountId: connection.accountId, email: contact?.email, customerType: 'company' };
  }
  return {
    email: contact?.email,
    firstName: contact?.firstName,
    lastName: contact?.lastName,
    customerType: 'company',
    company: { name, domain: domain ?? null },
  };
}

/** The card's camelCase order → the ledger's input (product and policy by code). Pure. */
export function toCardOrderInput(
  body: Body,
  customer: OrderCustomerInput,
  codes: { product: string; policy: string | undefined },
): OrderInput {
  const o = body.overrides;
  return {
    customer,
    product: codes.product,
    policy: codes.policy,
    quantity: body.quantity,
    source: 'hubspot_card',
    overrides: {
      validDuration: o.validDuration,
      validUntil: o.validUntil ? new Date(o.validUntil) : undefined,
      maxActivations: o.maxActivations,
      floatingCloud: o.floatingCloud,
      isTrial: o.isTrial,
      enableMaintenanceDuration: o.enableMaintenanceDuration,
      maintenanceDuration: o.maintenanceDuration,
      maxLicenseUsers: o.maxLicenseUsers,
      maxConsumptions: o.maxConsumptions,
      allowOverages: o.allowOverages,
      maxOverages: o.maxOverages,
      isSingleLicense: o.isSingleLicense,
      features: o.features,
      customFields: o.customFields,
    },
  };
}
