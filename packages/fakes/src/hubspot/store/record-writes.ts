import { conflictError, invalidJsonError, validationError } from '../errors/hubspot-error';
import { type PropertyProblem, propertyValuesError } from '../errors/property-values-error';
import { isJsonObject } from '../validation/body-shape';
import { checkPropertyValue } from '../validation/check-property-value';
import { READ_ONLY_PROPERTIES } from './builtin-properties';
import type { CrmRecord } from './crm-types';
import type { PortalStore } from './portal-store';

/** Contacts are upserted by `email` although its definition has no `hasUniqueValue`. */
const IMPLICITLY_UNIQUE: Record<string, string[]> = { '0-1': ['email'] };

/** `properties` must be a map of strings; anything else fails the whole request, as Jackson does. */
export function checkPropertiesMap(value: unknown): Record<string, string> {
  if (!isJsonObject(value)) {
    throw invalidJsonError(
      'Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.String>`',
    );
  }
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      throw invalidJsonError(
        `Cannot deserialize value of type \`java.lang.String\` from ${v === null ? 'null' : typeof v} value (property "${name}"); property values must be strings`,
      );
    }
  }
  return value as Record<string, string>;
}

export function uniquePropertyNames(portal: PortalStore, typeId: string): string[] {
  const declared = [...portal.propertiesOf(typeId).values()]
    .filter((p) => p.hasUniqueValue)
    .map((p) => p.name);
  return [...declared, ...(IMPLICITLY_UNIQUE[typeId] ?? [])];
}

export function findByUniqueValue(portal: PortalStore, typeId: string, property: string, value: string) {
  const wanted = property === 'email' ? value.trim().toLowerCase() : value;
  for (const record of portal.recordsOf(typeId).values()) {
    if (!record.archived && record.properties[property] === wanted) return record;
  }
  return undefined;
}

/** The record an `idProperty` + `id` pair names; refuses properties that are not unique, like HubSpot. */
export function findByIdProperty(portal: PortalStore, typeId: string, idProperty: string, id: string) {
  if (!uniquePropertyNames(portal, typeId).includes(idProperty)) {
    throw validationError(
      `Unable to perform update/upsert by non-unique ${typeId} property ${idProperty} in portal ID ${portal.portalId}`,
    );
  }
  return findByUniqueValue(portal, typeId, idProperty, id);
}

/**
 * Validates a write and returns the values as stored. Throws HubSpot's 400 (every bad value in one
 * error) or 409 when a unique value already belongs to another record.
 */
export function prepareWrite(
  portal: PortalStore,
  typeId: string,
  raw: Record<string, string>,
  existing?: CrmRecord,
): Record<string, string> {
  const definitions = portal.propertiesOf(typeId);
  const problems: PropertyProblem[] = [];
  const values: Record<string, string> = {};
  for (const [name, rawValue] of Object.entries(raw)) {
    const def = definitions.get(name);
    if (!def) {
      problems.push({ name, code: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
    } else if (READ_ONLY_PROPERTIES.has(name)) {
      problems.push({
        name,
        code: 'READ_ONLY_VALUE',
        message: `"${name}" is a read only property; its value cannot be set.`,
      });
    } else {
      const checked = checkPropertyValue(def, rawValue);
      if ('problem' in checked) problems.push(checked.problem);
      else values[name] = checked.value;
    }
  }
  if (!existing) {
    const required = portal.schemas.get(typeId)?.requiredProperties ?? [];
    for (const name of required.filter((n) => !values[n])) {
      problems.push({ name, code: 'REQUIRED_PROPERTY', message: `Property "${name}" is required` });
    }
  }
  if (problems.length > 0) throw propertyValuesError(portal.portalId, problems);

  for (const name of uniquePropertyNames(portal, typeId)) {
    const value = values[name];
    if (!value) continue;
    const owner = findByUniqueValue(portal, typeId, name, value);
    if (owner && owner.id !== existing?.id) {
      throw conflictError(
        `${typeId === '0-1' ? 'Contact' : 'Object'} already exists. Existing ID: ${owner.id}`,
        {
          context: { propertyName: [name], existingId: [owner.id] },
        },
      );
    }
  }
  return values;
}

const withoutEmpty = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

export function createRecord(portal: PortalStore, typeId: string, values: Record<string, string>, now: Date) {
  const id = String(portal.ids.next('record'));
  const iso = now.toISOString();
  const stamps: Record<string, string> = typeId.startsWith('2-')
    ? { hs_createdate: iso }
    : { createdate: iso, ...(typeId === '0-1' ? { lastmodifieddate: iso } : {}) };
  const record: CrmRecord = {
    id,
    objectTypeId: typeId,
    properties: { ...stamps, ...withoutEmpty(values), hs_object_id: id, hs_lastmodifieddate: iso },
    createdAt: now,
    updatedAt: now,
    archived: false,
  };
  portal.recordsOf(typeId).set(id, record);
  return record;
}

export function updateRecord(record: CrmRecord, values: Record<string, string>, now: Date) {
  const iso = now.toISOString();
  // An empty string clears a value in HubSpot.
  for (const [name, value] of Object.entries(values)) {
    if (value === '') delete record.properties[name];
    else record.properties[name] = value;
  }
  record.properties.hs_lastmodifieddate = iso;
  if (record.objectTypeId === '0-1') record.properties.lastmodifieddate = iso;
  record.updatedAt = now;
  return record;
}
