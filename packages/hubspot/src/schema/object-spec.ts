import type { SyncObjectKind } from '@licensync/core/schema';
import type { HubspotPropertySpec } from './property-spec';

export type HubspotObjectKey = 'licenses' | 'subscriptions' | 'invoices';

/** One custom object as we want it in every portal. */
export interface HubspotObjectSpec {
  /** Key in `hubspot_connections.object_type_ids`. */
  key: HubspotObjectKey;
  /** The outbox kind whose records land in this object. */
  kind: SyncObjectKind;
  /** HubSpot's immutable schema name; the object is found again by it. */
  name: string;
  labels: { singular: string; plural: string };
  /** The unique property holding our id: the batch-upsert key. */
  idProperty: string;
  primaryDisplayProperty: string;
  secondaryDisplayProperties: string[];
  searchableProperties: string[];
  associatedObjects: Array<'CONTACT' | 'COMPANY' | 'DEAL'>;
  properties: HubspotPropertySpec[];
}

/** HubSpot's fixed ids of the standard objects we associate with. */
export const STANDARD_OBJECT_TYPE_IDS = { CONTACT: '0-1', COMPANY: '0-2', DEAL: '0-3' } as const;
