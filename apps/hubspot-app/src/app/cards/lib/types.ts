/** The JSON shapes the licensync card endpoints answer with (docs/hubspot-cards-api.md). */

export type ObjectType = 'contact' | 'company' | 'deal';

/** The record a card sits on. HubSpot does not send it with hubspot.fetch, so every call carries it. */
export interface RecordRef {
  objectType: ObjectType;
  objectId: string;
}

export interface License {
  id: string;
  key: string;
  productId?: string;
  productName: string;
  productShortCode?: string;
  policyId?: string | null;
  policyName: string | null;
  licenseType: string;
  enabled: boolean;
  disabledReason?: string | null;
  validUntil?: string | null;
  maintenanceUntil?: string | null;
  maxActivations?: number | null;
  floatingCloud?: number | null;
  maxLicenseUsers?: number | null;
  isTrial?: boolean;
  customerEmail?: string | null;
  createdAt?: string;
  link?: string | null;
}

/** `duration` is licensync's `N` + `d|w|m|y`; `features` / `customFields` pick from the product's. */
export type PolicyFieldType =
  | 'duration'
  | 'date'
  | 'number'
  | 'boolean'
  | 'features'
  | 'customFields'
  | 'string';

export interface PolicyField {
  name: string;
  label: string;
  type: PolicyFieldType | string;
  required?: boolean;
  default?: string | number | boolean | null;
}

export interface Policy {
  id: string;
  code?: string;
  name: string;
  licenseType: string;
  fields: PolicyField[];
}

export interface Product {
  id: string;
  name: string;
  shortCode?: string;
  features?: Feature[];
  customFields?: Array<{ name: string; defaultValue?: string | null }>;
  policies?: Policy[];
}

export interface Customer {
  id: string;
  email?: string | null;
  name?: string | null;
  company?: string | null;
}

/** A company is connected to a customer account rather than a customer. */
export interface Account {
  id: string;
  name?: string | null;
  domain?: string | null;
}

export type RecordAction = 'create_license' | 'connect_customer';

export interface RecordLicenses {
  connected: boolean;
  customer?: Customer | null;
  account?: Account | null;
  licenses: License[];
  total: number;
  hasMore?: boolean;
  actions?: RecordAction[];
  message?: string;
}

export interface SimilarCustomer extends Customer {
  kind?: 'customer' | 'customer_account';
  domain?: string | null;
  matchedOn: string[];
}

export interface ChangedField {
  field: string;
  from: unknown;
  to: unknown;
}

export interface Feature {
  code: string;
  name: string;
  maxConsumption?: number | null;
}

export interface CustomField {
  name: string;
  value: string | null;
  defaultValue?: string | null;
}

export interface LicenseDetail extends License {
  features?: Feature[];
  availableFeatures?: Feature[];
  customFields?: CustomField[];
  [field: string]: unknown;
}

export interface EditableField {
  name: string;
  label: string;
  type: PolicyFieldType | string;
}

export interface LicenseDetailAnswer {
  license: LicenseDetail;
  editableFields: Array<EditableField | string>;
  link?: string | null;
}

export interface SyncStatus {
  syncId?: string;
  pending?: number;
  queued: number;
  done: number;
  failed: number;
  finished: boolean;
}

export interface DealRecordLicenses {
  objectType: ObjectType;
  objectId: string;
  name: string;
  /** false: the record has no licensync customer yet (its licenses are then empty). */
  connected?: boolean;
  licenses: License[];
  total?: number;
  more: number;
}

export interface DealLicenses {
  /** The deal's associations are being read from HubSpot; ask again after `retryAfterMs`. */
  pending?: boolean;
  retryAfterMs?: number;
  /** The associations come from a cache older than its freshness window (refreshing behind). */
  stale?: boolean;
  records: DealRecordLicenses[];
  /** How many associated records of the type the deal has, and how many of those are not listed. */
  totalRecords?: number;
  moreRecords?: number;
}
