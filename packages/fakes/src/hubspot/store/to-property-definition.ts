import type { PropertyDefinition } from './crm-types';

export interface PropertyInput {
  name: string;
  label: string;
  type: PropertyDefinition['type'];
  fieldType: string;
  groupName?: string;
  description?: string;
  options?: Array<{
    label: string;
    value: string;
    displayOrder?: number;
    hidden?: boolean;
    description?: string;
  }>;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
  displayOrder?: number;
  [optional: string]: unknown;
}

export function toPropertyDefinition(
  input: PropertyInput,
  meta: { hubspotDefined: boolean; readOnlyValue?: boolean; now: string; defaultGroup: string },
): PropertyDefinition {
  const { options = [], ...rest } = input;
  return {
    ...rest,
    groupName: input.groupName ?? meta.defaultGroup,
    description: input.description ?? '',
    options: options.map((o, i) => ({ displayOrder: i, ...o, hidden: o.hidden ?? false })),
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? false,
    displayOrder: input.displayOrder ?? -1,
    calculated: false,
    externalOptions: false,
    hubspotDefined: meta.hubspotDefined,
    archived: false,
    createdAt: meta.now,
    updatedAt: meta.now,
    modificationMetadata: {
      archivable: !meta.hubspotDefined,
      readOnlyDefinition: meta.hubspotDefined,
      readOnlyValue: meta.readOnlyValue ?? false,
    },
  };
}
