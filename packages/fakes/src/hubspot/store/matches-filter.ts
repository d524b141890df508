import type { PropertyDefinition } from './crm-types';

export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
  highValue?: string;
}

const asNumber = (type: string, v: string) =>
  type === 'datetime' || type === 'date' ? Date.parse(v) || Number(v) : Number(v);

function compare(def: PropertyDefinition | undefined, stored: string, wanted: string) {
  const type = def?.type ?? 'string';
  if (type === 'number' || type === 'date' || type === 'datetime') {
    return Math.sign(asNumber(type, stored) - asNumber(type, wanted));
  }
  return stored.localeCompare(wanted);
}

/** One search filter against one stored value, with HubSpot's case rules. */
export function matchesFilter(
  filter: SearchFilter,
  def: PropertyDefinition | undefined,
  stored: string | undefined,
) {
  const { operator, value = '', values = [], highValue = '' } = filter;
  if (operator === 'HAS_PROPERTY') return stored !== undefined && stored !== '';
  if (operator === 'NOT_HAS_PROPERTY') return stored === undefined || stored === '';
  if (stored === undefined) return operator === 'NEQ' || operator === 'NOT_IN';
  const isText = (def?.type ?? 'string') === 'string';
  switch (operator) {
    case 'EQ':
      return isText ? stored.toLowerCase() === value.toLowerCase() : compare(def, stored, value) === 0;
    case 'NEQ':
      return isText ? stored.toLowerCase() !== value.toLowerCase() : compare(def, stored, value) !== 0;
    // HubSpot documents that IN/NOT_IN on string properties only match lowercase values.
    case 'IN':
      return values.includes(isText ? stored.toLowerCase() : stored);
    case 'NOT_IN':
      return !values.includes(isText ? stored.toLowerCase() : stored);
    case 'GT':
      return compare(def, stored, value) > 0;
    case 'GTE':
      return compare(def, stored, value) >= 0;
    case 'LT':
      return compare(def, stored, value) < 0;
    case 'LTE':
      return compare(def, stored, value) <= 0;
    case 'BETWEEN':
      return compare(def, stored, value) >= 0 && compare(def, stored, highValue) <= 0;
    case 'CONTAINS_TOKEN':
      return stored.toLowerCase().includes(value.replaceAll('*', '').toLowerCase());
    case 'NOT_CONTAINS_TOKEN':
      return !stored.toLowerCase().includes(value.replaceAll('*', '').toLowerCase());
    default:
      return false;
  }
}
