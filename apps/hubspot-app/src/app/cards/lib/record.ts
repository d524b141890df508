import type { ObjectType, RecordRef } from './types';

const STANDARD_OBJECT_TYPES: Record<string, ObjectType> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  contact: 'contact',
  contacts: 'contact',
  company: 'company',
  companies: 'company',
  deal: 'deal',
  deals: 'deal',
};

/** The record a card sits on, from HubSpot's `context.crm` (`objectTypeId` is "0-1", "0-2", "0-3"). */
export function recordFromContext(crm: { objectId: number | string; objectTypeId: string }): RecordRef {
  const objectType = STANDARD_OBJECT_TYPES[crm.objectTypeId.toLowerCase()];
  if (!objectType)
    throw new Error(`licensync cards sit on contacts, companies and deals, not ${crm.objectTypeId}`);
  return { objectType, objectId: String(crm.objectId) };
}

/** The record properties the backend needs to create or overwrite its customer (it never reads HubSpot). */
export function propertiesFor(objectType: ObjectType): string[] {
  if (objectType === 'company') return ['name', 'domain'];
  if (objectType === 'contact') return ['email', 'firstname', 'lastname', 'company', 'phone'];
  return ['dealname'];
}
