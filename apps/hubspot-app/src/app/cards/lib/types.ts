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
  productName: string;
  policyName: string;
  licenseType: string;
  enabled: boolean;
  disabledReason?: string | null;
  validUntil?: string | null;
  maintenanceUntil?: string | null;
  maxActivations?: number | null;
  activations?: number | null;
  isTrial?: boolean;
  createdAt?: string;
  link?: string | null;
}

export type PolicyFieldType = 'string' | 'number' | 'date' | 'boolean' | 'duration';

export interface PolicyField {
  name: string;
  label: string;
  type: PolicyFieldType | string;
  required?: boolean;
  default?: string | number | boolean | null;
}

export interface Policy {
  id: string;
  name: string;
  licenseType: string;
  fields: PolicyField[];
}

export interface Product {
  id: string;
  name: string;
  shortCode?: string;
  policies?: Policy[];
}

export interface Customer {
  id: string;
  email?: string | null;
  name?: string | null;
  company?: string | null;
}

export type RecordAction = 'create_license' | 'connect_customer';

export interface RecordLicenses {
  connected: boolean;
  customer?: Customer;
  licenses: License[];
  total: number;
  actions?: RecordAction[];
}

export interface SimilarCustomer extends Customer {
  matchedOn: string[];
}

export interface ChangedField {
  field: string;
  from: unknown;
  to: unknown;
}

export interface Feature {
  id: string;
  name: string;
  code?: string;
}

export interface CustomField {
  id: string;
  name: string;
  value: string | null;
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
  queued: number;
  done: number;
  failed: number;
  finished: boolean;
}

export interface DealRecordLicenses {
  objectType: ObjectType;
  objectId: string;
  name: string;
  licenses: License[];
  more: number;
}

export interface DealLicenses {
  pending?: boolean;
  records: DealRecordLicenses[];
}
