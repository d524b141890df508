/** A property definition as HubSpot returns it (spec `Property`). */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';
  fieldType: string;
  groupName: string;
  description: string;
  options: Array<{
    label: string;
    value: string;
    displayOrder?: number;
    hidden: boolean;
    description?: string;
  }>;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hubspotDefined: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
  [optional: string]: unknown;
}

export interface AssociationDefinition {
  id: string;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  name?: string;
  createdAt: string;
  updatedAt: string;
}

/** A custom object schema (spec `ObjectSchema` minus `properties`, which live in the portal's property map). */
export interface CustomObjectSchema {
  id: string;
  objectTypeId: string;
  fullyQualifiedName: string;
  name: string;
  labels: { singular?: string; plural?: string };
  requiredProperties: string[];
  searchableProperties: string[];
  primaryDisplayProperty?: string;
  secondaryDisplayProperties: string[];
  description?: string;
  allowsSensitiveProperties: boolean;
  associations: AssociationDefinition[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CrmRecord {
  id: string;
  objectTypeId: string;
  properties: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
  archived: boolean;
}

/** One association type between two records, as the v4 API names it. */
export interface AssociationType {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  typeId: number;
  label: string | null;
}

/** A directed edge; the store always keeps the inverse edge too, as HubSpot does. */
export interface AssociationEdge {
  fromObjectTypeId: string;
  fromId: string;
  toObjectTypeId: string;
  toId: string;
  types: AssociationType[];
}
