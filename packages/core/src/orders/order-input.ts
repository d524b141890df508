import type { OrderSourceKind } from '../db/schema/index';

/** Who an order is for: exactly one of an existing customer, a customer account, or an email. */
export interface OrderCustomerInput {
  /** An existing customer. */
  id?: string;
  /** An existing customer account (a company); `email` then names its contact, else its first one. */
  accountId?: string;
  email?: string;
  /**
   * The Stripe customer the person is: found by it first; without `email` it must be known, with
   * one a person found by email is linked to it (or created with it).
   */
  stripeCustomerId?: string;
  firstName?: string;
  lastName?: string;
  /** Kept in the customer's metadata (`phone`), e.g. from a workflow's "add customer" fields. */
  phone?: string;
  /**
   * The type a customer created by this order gets (a contact card's person `individual`, a
   * company card's `company`); absent, it stays unset and follows the workspace's default. An
   * existing customer keeps its type.
   */
  customerType?: 'individual' | 'company';
  /** The contact's company; it becomes (or updates) the customer's account. */
  company?: { name: string; domain?: string | null; taxId?: string | null };
}

/** The policy fields an order may override, as the price metadata of a purchase can. */
export interface OrderOverrides {
  /** `N` + `d|w|m|y` from the start; excludes `validUntil`. */
  validDuration?: string;
  validUntil?: Date;
  maxActivations?: number;
  floatingCloud?: number | null;
  isTrial?: boolean;
  enableMaintenanceDuration?: boolean;
  maintenanceDuration?: string;
  maxLicenseUsers?: number;
  /** A consumption license's own limits; refused on another license type. */
  maxConsumptions?: number;
  allowOverages?: boolean;
  maxOverages?: number;
  /** One license sized by the quantity instead of one license per unit. */
  isSingleLicense?: boolean;
  /** Replaces the policy's features; every code must be a feature of the product. */
  features?: string[];
  /** Overrides field values; every name must be a custom field of the product. */
  customFields?: Record<string, string>;
}

/** Source of a hand-taken order; the default is `manual`. */
export type ManualOrderSource = Extract<
  OrderSourceKind,
  'manual' | 'hubspot_card' | 'workflow' | 'stripe_app'
>;

export interface OrderInput {
  customer: OrderCustomerInput;
  /** Product short code. */
  product: string;
  /** Policy code; the product's default policy when absent. */
  policy?: string;
  quantity: number;
  source?: ManualOrderSource;
  overrides?: OrderOverrides;
  /** The HubSpot deal the order comes from: its licenses are associated with that deal. */
  hubspotDealId?: string | null;
}
