import type { PropertyDefinition } from './crm-types';
import { type PropertyInput, toPropertyDefinition } from './to-property-definition';

const text = (name: string, label: string): PropertyInput => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
});
const num = (name: string, label: string): PropertyInput => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
});
const datetime = (name: string, label: string): PropertyInput => ({
  name,
  label,
  type: 'datetime',
  fieldType: 'date',
});
const select = (name: string, label: string, values: string[]): PropertyInput => ({
  name,
  label,
  type: 'enumeration',
  fieldType: 'select',
  options: values.map((value) => ({ label: value, value })),
});

const LIFECYCLE = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];

/** Values only HubSpot writes; a client setting them gets READ_ONLY_VALUE. */
export const READ_ONLY_PROPERTIES = new Set([
  'hs_object_id',
  'hs_lastmodifieddate',
  'lastmodifieddate',
  'hs_createdate',
]);

const COMMON: PropertyInput[] = [
  num('hs_object_id', 'Record ID'),
  datetime('hs_lastmodifieddate', 'Last Modified Date'),
];

const BUILTINS: Record<string, { group: string; properties: PropertyInput[] }> = {
  '0-1': {
    group: 'contactinformation',
    properties: [
      ...COMMON,
      text('email', 'Email'),
      text('firstname', 'First Name'),
      text('lastname', 'Last Name'),
      text('phone', 'Phone Number'),
      text('company', 'Company Name'),
      text('website', 'Website URL'),
      text('jobtitle', 'Job Title'),
      text('address', 'Street Address'),
      text('city', 'City'),
      text('state', 'State/Region'),
      text('zip', 'Postal Code'),
      text('country', 'Country/Region'),
      select('lifecyclestage', 'Lifecycle Stage', LIFECYCLE),
      datetime('createdate', 'Create Date'),
      datetime('lastmodifieddate', 'Last Modified Date'),
    ],
  },
  '0-2': {
    group: 'companyinformation',
    properties: [
      ...COMMON,
      text('name', 'Company name'),
      text('domain', 'Company Domain Name'),
      text('website', 'Website URL'),
      text('phone', 'Phone Number'),
      text('address', 'Street Address'),
      text('city', 'City'),
      text('country', 'Country/Region'),
      text('industry', 'Industry'),
      text('description', 'Description'),
      num('numberofemployees', 'Number of Employees'),
      num('annualrevenue', 'Annual Revenue'),
      select('lifecyclestage', 'Lifecycle Stage', LIFECYCLE),
      datetime('createdate', 'Create Date'),
    ],
  },
  '0-3': {
    group: 'dealinformation',
    properties: [
      ...COMMON,
      text('dealname', 'Deal Name'),
      num('amount', 'Amount'),
      select('pipeline', 'Pipeline', ['default']),
      select('dealstage', 'Deal Stage', [
        'appointmentscheduled',
        'qualifiedtobuy',
        'presentationscheduled',
        'decisionmakerboughtin',
        'contractsent',
        'closedwon',
        'closedlost',
      ]),
      select('dealtype', 'Deal Type', ['newbusiness', 'existingbusiness']),
      datetime('closedate', 'Close Date'),
      text('description', 'Deal Description'),
      text('hubspot_owner_id', 'Deal owner'),
      datetime('createdate', 'Create Date'),
    ],
  },
};

/** Properties every custom object starts with. */
const CUSTOM_OBJECT_DEFAULTS: PropertyInput[] = [
  ...COMMON,
  datetime('hs_createdate', 'Object create date/time'),
];

export function builtinProperties(
  objectTypeId: string,
  now: string,
  customGroup?: string,
): PropertyDefinition[] {
  const builtin = BUILTINS[objectTypeId];
  const group = builtin?.group ?? customGroup ?? 'information';
  return (builtin?.properties ?? CUSTOM_OBJECT_DEFAULTS).map((p) =>
    toPropertyDefinition(p, {
      hubspotDefined: true,
      readOnlyValue: READ_ONLY_PROPERTIES.has(p.name),
      now,
      defaultGroup: group,
    }),
  );
}
