import type { CrmRecord } from './crm-types';

/** What a read returns when the caller names no properties. */
const DEFAULT_READ_PROPERTIES: Record<string, string[]> = {
  '0-1': ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  '0-2': ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  '0-3': [
    'amount',
    'closedate',
    'createdate',
    'dealname',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_object_id',
    'pipeline',
  ],
};
const CUSTOM_DEFAULT_READ_PROPERTIES = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

export function defaultReadProperties(objectTypeId: string): string[] {
  return DEFAULT_READ_PROPERTIES[objectTypeId] ?? CUSTOM_DEFAULT_READ_PROPERTIES;
}

/**
 * Spec `SimplePublicObject`. Writes echo every stored value; reads return the requested properties
 * (unset ones as null) or the defaults.
 */
export function toPublicObject(record: CrmRecord, requested?: string[]) {
  let properties: Record<string, string | null> = { ...record.properties };
  if (requested) {
    const names = requested.length > 0 ? requested : defaultReadProperties(record.objectTypeId);
    properties = Object.fromEntries(names.map((name) => [name, record.properties[name] ?? null]));
  }
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    archived: record.archived,
    ...(record.archived ? { archivedAt: record.updatedAt.toISOString() } : {}),
  };
}

/** `?properties=a,b&properties=c` → [a, b, c]. */
export function requestedProperties(query: URLSearchParams): string[] {
  return query
    .getAll('properties')
    .flatMap((p) => p.split(','))
    .filter(Boolean);
}
