/** What the HubSpot mappers read: plain data loaded by the sync worker, no database types. */
export interface HubspotLicenseSource {
  id: string;
  licenseKey: string | null;
  productCode: string;
  policyCode: string | null;
  licenseType: string;
  enabled: boolean;
  disabledReason: string | null;
  isTrial: boolean;
  validUntil: Date | null;
  maintenanceUntil: Date | null;
  maxActivations: number;
  /** Machines activated now (the license API keeps the count). */
  activationsInUse: number;
  /** The latest check of any activation, at the resolution `LICENSE_CHECK_SYNC_RESOLUTION_S` writes it. */
  lastCheckAt: Date | null;
  maxLicenseUsers: number | null;
  users: string[];
  features: string[];
  customerEmail: string;
  stripeSubscriptionId: string | null;
}

export interface HubspotCustomerSource {
  id: string;
  email: string;
  name: string | null;
  stripeCustomerId: string | null;
  taxId: string | null;
  /** Company name and domain, from the customer's account or Stripe metadata. */
  companyName: string | null;
  domain: string | null;
}

export interface HubspotSubscriptionSource {
  id: string;
  stripeSubscriptionId: string;
  stripeCustomerId: string | null;
  customerEmail: string | null;
  status: string;
  planName: string | null;
  priceIds: string[];
  quantity: number | null;
  currency: string | null;
  amount: number | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  canceledAt: Date | null;
  endedAt: Date | null;
}

export interface HubspotInvoiceSource {
  id: string;
  stripeInvoiceId: string;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  customerEmail: string | null;
  number: string | null;
  status: string;
  billingReason: string | null;
  currency: string | null;
  total: number | null;
  amountDue: number | null;
  amountPaid: number | null;
  amountRemaining: number | null;
  dueDate: Date | null;
  paidAt: Date | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  paymentFailed: boolean;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
}
