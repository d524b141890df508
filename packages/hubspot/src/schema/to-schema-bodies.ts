import type { ObjectSchemaEgg, ObjectTypePropertyCreate } from '@hubspot/api-client/lib/codegen/crm/schemas';
import type { HubspotObjectSpec } from './object-spec';
import type { HubspotPropertySpec } from './property-spec';

/** A declared property as HubSpot's create body; `groupName` is required outside schema creation. */
export function toPropertyCreate(spec: HubspotPropertySpec, groupName?: string) {
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    ...(groupName && { groupName }),
    ...(spec.description && { description: spec.description }),
    ...(spec.hasUniqueValue && { hasUniqueValue: true }),
    ...(spec.numberDisplayHint && { numberDisplayHint: spec.numberDisplayHint }),
    ...(spec.options && {
      options: spec.options.map((o, i) => ({ ...o, displayOrder: i, hidden: false })),
    }),
  };
}

/** A declared custom object as HubSpot's `ObjectSchemaEgg` (the SDK types enums we send as strings). */
export function toObjectSchemaEgg(spec: HubspotObjectSpec): ObjectSchemaEgg {
  return {
    name: spec.name,
    labels: spec.labels,
    primaryDisplayProperty: spec.primaryDisplayProperty,
    secondaryDisplayProperties: spec.secondaryDisplayProperties,
    searchableProperties: spec.searchableProperties,
    requiredProperties: [spec.idProperty],
    associatedObjects: spec.associatedObjects,
    properties: spec.properties.map((p) => toPropertyCreate(p) as unknown as ObjectTypePropertyCreate),
  };
}
