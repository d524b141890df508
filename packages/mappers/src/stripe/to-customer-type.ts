/** The Stripe customer fields that say whether it is a person or a company. */
export interface CustomerTypeFields {
  metadata: Record<string, string>;
  business_name?: string | null | undefined;
  individual_name?: string | null | undefined;
}

export type CustomerType = 'individual' | 'company';

/**
 * Person or company, as Lago's `customer_type`: the Stripe metadata `customer_type`
 * (`individual` | `company`, any case) wins; else Stripe's own `business_name` makes a company and
 * `individual_name` a person. Null when nothing says: the workspace's default object decides.
 */
export function toCustomerType(customer: CustomerTypeFields): CustomerType | null {
  const declared = customer.metadata.customer_type?.trim().toLowerCase();
  if (declared === 'company' || declared === 'individual') return declared;
  if (customer.business_name) return 'company';
  if (customer.individual_name) return 'individual';
  return null;
}
