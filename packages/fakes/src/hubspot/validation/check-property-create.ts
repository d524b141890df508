import { HubspotError, validationError } from '../errors/hubspot-error';
import type { PropertyDefinition } from '../store/crm-types';
import { type PropertyInput, toPropertyDefinition } from '../store/to-property-definition';
import { type BodyShape, checkArray, checkShape, isJsonObject } from './body-shape';

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number'];
const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'file',
  'phonenumber',
  'html',
  'calculation_equation',
];
/** HubSpot's documented cap on unique-value properties per object. */
export const MAX_UNIQUE_PROPERTIES = 10;

const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

export const PROPERTY_CREATE: BodyShape = {
  className: 'PropertyCreate',
  required: ['fieldType', 'groupName', 'label', 'name', 'type'],
  optional: [
    'calculationFormula',
    'currencyPropertyName',
    'dataSensitivity',
    'description',
    'displayOrder',
    'externalOptions',
    'formField',
    'hasUniqueValue',
    'hidden',
    'numberDisplayHint',
    'options',
    'referencedObjectType',
    'showCurrencySymbol',
    'textDisplayHint',
  ],
};

/** The schemas API's variant: `groupName` optional, a few extra knobs. */
export const OBJECT_TYPE_PROPERTY_CREATE: BodyShape = {
  className: 'ObjectTypePropertyCreate',
  required: ['fieldType', 'label', 'name', 'type'],
  optional: [
    'description',
    'displayOrder',
    'externalOptionsReferenceType',
    'formField',
    'groupName',
    'hasUniqueValue',
    'hidden',
    'numberDisplayHint',
    'optionSortStrategy',
    'options',
    'referencedObjectType',
    'searchableInGlobalSearch',
    'showCurrencySymbol',
    'textDisplayHint',
  ],
};

function checkOptions(name: string, type: string, raw: unknown) {
  if (type !== 'enumeration') return [];
  const options = checkArray(raw ?? [], 'options');
  if (options.length === 0)
    throw validationError(`Enumeration property ${name} must have at least one option`);
  return options.map((o) => {
    if (!isJsonObject(o) || typeof o.label !== 'string' || typeof o.value !== 'string') {
      throw validationError(
        `Invalid option for property ${name}: each option needs a string label and value`,
      );
    }
    return o as { label: string; value: string };
  });
}

/** Validates a property definition about to be created next to `existing`. */
export function checkPropertyCreate(
  raw: unknown,
  shape: BodyShape,
  existing: Map<string, PropertyDefinition>,
  meta: { now: string; defaultGroup: string },
): PropertyDefinition {
  const body = checkShape(raw, shape);
  const { name, type, fieldType } = body as { name: unknown; type: unknown; fieldType: unknown };
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw validationError(
      `Property name ${String(name)} is invalid: it must start with a lowercase letter and contain only lowercase letters, numbers and underscores`,
    );
  }
  if (typeof type !== 'string' || !PROPERTY_TYPES.includes(type)) {
    throw validationError(`Property type ${String(type)} is invalid. Allowed: ${PROPERTY_TYPES.join(', ')}`);
  }
  if (typeof fieldType !== 'string' || !FIELD_TYPES.includes(fieldType)) {
    throw validationError(
      `Property fieldType ${String(fieldType)} is invalid. Allowed: ${FIELD_TYPES.join(', ')}`,
    );
  }
  if (existing.has(name)) {
    throw new HubspotError(409, {
      message: `Property named '${name}' already exists.`,
      category: 'OBJECT_ALREADY_EXISTS',
    });
  }
  const options = checkOptions(name, type, body.options);
  if (body.hasUniqueValue === true) {
    const unique = [...existing.values()].filter((p) => p.hasUniqueValue).length;
    if (unique >= MAX_UNIQUE_PROPERTIES) {
      throw validationError(
        `Cannot create property ${name}: an object can have at most ${MAX_UNIQUE_PROPERTIES} properties with hasUniqueValue`,
      );
    }
  }
  return toPropertyDefinition({ ...body, options } as PropertyInput, { hubspotDefined: false, ...meta });
}
