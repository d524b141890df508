import { unknownObjectTypeError } from '../errors/hubspot-error';
import { builtinProperties } from './builtin-properties';
import type {
  AssociationEdge,
  AssociationType,
  CrmRecord,
  CustomObjectSchema,
  PropertyDefinition,
} from './crm-types';
import { getOrCreate } from './get-or-create';
import type { IdSequences } from './id-sequences';
import {
  STANDARD_ASSOCIATION_TYPES,
  STANDARD_OBJECT_TYPES,
  standardObjectTypeId,
} from './standard-object-types';

/** One `POST /automation/v4/actions/callbacks/…/complete` input, as HubSpot received it. */
export interface CallbackCompletion {
  callbackId: string;
  outputFields: Record<string, string>;
  completedAt: Date;
}

/** Everything one HubSpot account holds; portals never share a store. */
export interface PortalStore {
  readonly portalId: number;
  readonly ids: IdSequences;
  readonly schemas: Map<string, CustomObjectSchema>;
  /** objectTypeId → property name → definition. */
  readonly properties: Map<string, Map<string, PropertyDefinition>>;
  /** objectTypeId → record id → record (archived records stay, flagged). */
  readonly records: Map<string, Map<string, CrmRecord>>;
  /** `from>to` objectTypeIds → USER_DEFINED types created for custom objects. */
  readonly customAssociationTypes: Map<string, AssociationType[]>;
  /** `fromTypeId:fromId>toTypeId` → toId → types. */
  readonly edges: Map<string, Map<string, AssociationType[]>>;
  /** Workflow-action callbacks completed through the automation API, oldest first. */
  readonly callbackCompletions: CallbackCompletion[];
  /** Throws HubSpot's "Unable to infer object type" for anything this portal does not have. */
  resolveObjectType(
    objectType: string,
    options?: { allowShortName?: boolean; notFoundStatus?: number },
  ): string;
  propertiesOf(objectTypeId: string): Map<string, PropertyDefinition>;
  recordsOf(objectTypeId: string): Map<string, CrmRecord>;
  liveRecord(objectTypeId: string, id: string): CrmRecord | undefined;
  associationTypesBetween(fromTypeId: string, toTypeId: string): AssociationType[];
  edgesFrom(fromTypeId: string, fromId: string, toTypeId: string): Map<string, AssociationType[]>;
  allEdges(): AssociationEdge[];
}

export function createPortalStore(portalId: number, ids: IdSequences): PortalStore {
  const schemas = new Map<string, CustomObjectSchema>();
  const properties = new Map<string, Map<string, PropertyDefinition>>();
  const records = new Map<string, Map<string, CrmRecord>>();
  const customAssociationTypes = new Map<string, AssociationType[]>();
  const edges = new Map<string, Map<string, AssociationType[]>>();
  const now = new Date().toISOString();
  for (const typeId of Object.keys(STANDARD_OBJECT_TYPES)) {
    properties.set(typeId, new Map(builtinProperties(typeId, now).map((p) => [p.name, p])));
  }

  const resolveObjectType: PortalStore['resolveObjectType'] = (objectType, options = {}) => {
    const standard = standardObjectTypeId(objectType);
    if (standard) return standard;
    const lower = objectType.toLowerCase();
    for (const schema of schemas.values()) {
      if (schema.archived) continue;
      if (schema.objectTypeId === objectType || schema.fullyQualifiedName.toLowerCase() === lower) {
        return schema.objectTypeId;
      }
      if (options.allowShortName && lower === `p_${schema.name.toLowerCase()}`) {
        return schema.objectTypeId;
      }
    }
    throw unknownObjectTypeError(objectType, options.notFoundStatus);
  };

  const recordsOf = (typeId: string) => getOrCreate(records, typeId, () => new Map<string, CrmRecord>());

  const edgesFrom = (fromTypeId: string, fromId: string, toTypeId: string) =>
    getOrCreate(edges, `${fromTypeId}:${fromId}>${toTypeId}`, () => new Map<string, AssociationType[]>());

  return {
    portalId,
    ids,
    schemas,
    properties,
    records,
    customAssociationTypes,
    edges,
    callbackCompletions: [],
    resolveObjectType,
    propertiesOf: (typeId) => properties.get(typeId) ?? new Map(),
    recordsOf,
    liveRecord: (typeId, id) => {
      const record = records.get(typeId)?.get(id);
      return record && !record.archived ? record : undefined;
    },
    associationTypesBetween: (fromTypeId, toTypeId) => {
      const standard = STANDARD_ASSOCIATION_TYPES[`${fromTypeId}>${toTypeId}`];
      if (standard) {
        const types: AssociationType[] = [
          { category: 'HUBSPOT_DEFINED', typeId: standard.unlabeled, label: null },
        ];
        if (standard.primary)
          types.push({ category: 'HUBSPOT_DEFINED', typeId: standard.primary, label: 'Primary' });
        return types;
      }
      return customAssociationTypes.get(`${fromTypeId}>${toTypeId}`) ?? [];
    },
    edgesFrom,
    allEdges: () =>
      [...edges.entries()].flatMap(([key, targets]) => {
        const [from, toObjectTypeId = ''] = key.split('>');
        const [fromObjectTypeId = '', fromId = ''] = (from ?? '').split(':');
        return [...targets.entries()]
          .filter(([, types]) => types.length > 0)
          .map(([toId, types]) => ({ fromObjectTypeId, fromId, toObjectTypeId, toId, types: [...types] }));
      }),
  };
}
