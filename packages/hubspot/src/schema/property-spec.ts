/** A property as we declare it; the deployer turns it into HubSpot's property-create body. */
export interface HubspotPropertySpec {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
  fieldType: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'booleancheckbox';
  description?: string;
  /** Upsert key; HubSpot allows at most 10 per object and it cannot be changed later. */
  hasUniqueValue?: boolean;
  options?: { label: string; value: string }[];
  numberDisplayHint?: 'currency' | 'formatted' | 'unformatted';
}

const options = (values: readonly string[]) =>
  values.map((value) => ({ label: value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), value }));

/** Builders that keep the declarations one line each. */
export const prop = {
  text: (name: string, label: string, extra: Partial<HubspotPropertySpec> = {}): HubspotPropertySpec => ({
    name,
    label,
    type: 'string',
    fieldType: 'text',
    ...extra,
  }),
  longText: (name: string, label: string): HubspotPropertySpec => ({
    name,
    label,
    type: 'string',
    fieldType: 'textarea',
  }),
  number: (name: string, label: string, extra: Partial<HubspotPropertySpec> = {}): HubspotPropertySpec => ({
    name,
    label,
    type: 'number',
    fieldType: 'number',
    ...extra,
  }),
  money: (name: string, label: string): HubspotPropertySpec => ({
    name,
    label,
    type: 'number',
    fieldType: 'number',
    numberDisplayHint: 'currency',
  }),
  date: (name: string, label: string): HubspotPropertySpec => ({
    name,
    label,
    type: 'date',
    fieldType: 'date',
  }),
  datetime: (name: string, label: string): HubspotPropertySpec => ({
    name,
    label,
    type: 'datetime',
    fieldType: 'date',
  }),
  bool: (name: string, label: string): HubspotPropertySpec => ({
    name,
    label,
    type: 'bool',
    fieldType: 'booleancheckbox',
    options: [
      { label: 'Yes', value: 'true' },
      { label: 'No', value: 'false' },
    ],
  }),
  select: (name: string, label: string, values: readonly string[]): HubspotPropertySpec => ({
    name,
    label,
    type: 'enumeration',
    fieldType: 'select',
    options: options(values),
  }),
  /** Our own id: the upsert key of the object. */
  key: (name: string, label: string): HubspotPropertySpec => ({
    name,
    label,
    type: 'string',
    fieldType: 'text',
    hasUniqueValue: true,
  }),
};
