import { HubspotError, validationError } from '../errors/hubspot-error';
import type { RouteContext } from '../http/route';
import { builtinProperties } from '../store/builtin-properties';
import type { CustomObjectSchema, PropertyDefinition } from '../store/crm-types';
import { defineCustomAssociation } from '../store/define-custom-association';
import type { PortalStore } from '../store/portal-store';
import { STANDARD_OBJECT_TYPES } from '../store/standard-object-types';
import { checkArray, checkShape, isJsonObject } from '../validation/body-shape';
import {
  checkPropertyCreate,
  MAX_UNIQUE_PROPERTIES,
  OBJECT_TYPE_PROPERTY_CREATE,
} from '../validation/check-property-create';

const OBJECT_SCHEMA_EGG = {
  className: 'ObjectSchemaEgg',
  required: ['associatedObjects', 'labels', 'name', 'properties', 'requiredProperties'],
  optional: [
    'allowsSensitiveProperties',
    'description',
    'primaryDisplayProperty',
    'searchableProperties',
    'secondaryDisplayProperties',
    'shouldCreateSameObjectAssociation',
  ],
};

const objectTypeName = (portal: PortalStore, typeId: string) =>
  STANDARD_OBJECT_TYPES[typeId]?.schemaName.toLowerCase() ??
  portal.schemas.get(typeId)?.name.toLowerCase() ??
  typeId;

/** Every property a schema refers to by name must be one it defines. */
export function checkPropertyReferences(body: Record<string, unknown>, names: Set<string>) {
  const refs = [
    ...((body.requiredProperties as string[] | undefined) ?? []),
    ...((body.searchableProperties as string[] | undefined) ?? []),
    ...((body.secondaryDisplayProperties as string[] | undefined) ?? []),
    ...(typeof body.primaryDisplayProperty === 'string' ? [body.primaryDisplayProperty] : []),
  ];
  const unknown = refs.filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw validationError(
      `Properties referenced by the schema do not exist: [${[...new Set(unknown)].join(', ')}]`,
      {
        context: { propertyName: [...new Set(unknown)] },
      },
    );
  }
}

export function createSchema({ portal, body: raw, now }: RouteContext) {
  const body = checkShape(raw, OBJECT_SCHEMA_EGG);
  const name = body.name;
  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
    throw validationError(
      `Object type name ${String(name)} is invalid: it must start with a letter and contain only letters, numbers and underscores`,
    );
  }
  const labels = body.labels;
  if (!isJsonObject(labels) || typeof labels.singular !== 'string' || typeof labels.plural !== 'string') {
    throw validationError('Object type labels must include both singular and plural');
  }
  if ([...portal.schemas.values()].some((s) => s.name.toLowerCase() === name.toLowerCase())) {
    throw new HubspotError(409, {
      message: `Object type with name ${name} already exists in portal ${portal.portalId}`,
      category: 'OBJECT_ALREADY_EXISTS',
    });
  }
  const iso = now.toISOString();
  const defaultGroup = `${name.toLowerCase()}_information`;
  const properties = new Map<string, PropertyDefinition>(
    builtinProperties('2-x', iso, defaultGroup).map((p) => [p.name, p]),
  );
  for (const input of checkArray(body.properties, 'properties')) {
    const def = checkPropertyCreate(input, OBJECT_TYPE_PROPERTY_CREATE, properties, {
      now: iso,
      defaultGroup,
    });
    properties.set(def.name, def);
  }
  if ([...properties.values()].filter((p) => p.hasUniqueValue).length > MAX_UNIQUE_PROPERTIES) {
    throw validationError(
      `An object can have at most ${MAX_UNIQUE_PROPERTIES} properties with hasUniqueValue`,
    );
  }
  checkPropertyReferences(body, new Set(properties.keys()));
  const targets = checkArray(body.associatedObjects, 'associatedObjects').map((target) =>
    portal.resolveObjectType(String(target)),
  );

  const objectTypeId = `2-${portal.ids.next('objectType')}`;
  const schema: CustomObjectSchema = {
    id: String(portal.ids.next('schema')),
    objectTypeId,
    fullyQualifiedName: `p${portal.portalId}_${name}`,
    name,
    labels: { singular: labels.singular, plural: labels.plural },
    requiredProperties: body.requiredProperties as string[],
    searchableProperties: (body.searchableProperties as string[] | undefined) ?? [],
    ...(typeof body.primaryDisplayProperty === 'string'
      ? { primaryDisplayProperty: body.primaryDisplayProperty }
      : {}),
    secondaryDisplayProperties: (body.secondaryDisplayProperties as string[] | undefined) ?? [],
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    allowsSensitiveProperties: body.allowsSensitiveProperties === true,
    associations: [],
    archived: false,
    createdAt: iso,
    updatedAt: iso,
  };
  portal.schemas.set(objectTypeId, schema);
  portal.properties.set(objectTypeId, properties);
  schema.associations = [...new Set(targets)].map((to) =>
    defineCustomAssociation(
      portal,
      objectTypeId,
      to,
      `${name.toLowerCase()}_to_${objectTypeName(portal, to)}`,
      iso,
    ),
  );
  return schema;
}
