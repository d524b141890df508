import type { PropertyProblem } from '../errors/property-values-error';
import type { PropertyDefinition } from '../store/crm-types';

const DAY_MS = 86_400_000;
/** HubSpot's documented cap for string property values. */
const MAX_STRING_LENGTH = 65_536;

type Checked = { value: string } | { problem: PropertyProblem };

const problem = (name: string, code: PropertyProblem['code'], message: string): Checked => ({
  problem: { name, code, message },
});

function checkDate(name: string, raw: string): Checked {
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw)) {
    return { value: raw };
  }
  if (/^-?\d+$/.test(raw)) {
    const ms = Number(raw);
    // Date properties hold whole days; HubSpot refuses a timestamp that is not midnight UTC.
    if (ms % DAY_MS === 0) return { value: new Date(ms).toISOString().slice(0, 10) };
    const time = new Date(ms).toISOString().slice(11, 23);
    return problem(name, 'INVALID_DATE', `${raw} is at ${time} UTC, not midnight!`);
  }
  return problem(
    name,
    'INVALID_DATE',
    `${raw} was not a valid date. Use YYYY-MM-DD or a UNIX timestamp in milliseconds at midnight UTC`,
  );
}

function checkDatetime(name: string, raw: string): Checked {
  if (/^-?\d+$/.test(raw)) return { value: new Date(Number(raw)).toISOString() };
  const isoish = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw);
  if (isoish && !Number.isNaN(Date.parse(raw))) return { value: new Date(raw).toISOString() };
  return problem(
    name,
    'INVALID_DATE',
    `${raw} was not a valid datetime. Use ISO 8601 or a UNIX timestamp in milliseconds`,
  );
}

function checkEnumeration(def: PropertyDefinition, raw: string): Checked {
  const allowed = def.options.map((o) => o.value);
  // Multi-select (checkbox) values are `;`-separated; every part must be an option.
  const parts = def.fieldType === 'checkbox' ? raw.split(';') : [raw];
  const bad = parts.find((part) => !allowed.includes(part));
  if (bad === undefined) return { value: raw };
  return problem(
    def.name,
    'INVALID_OPTION',
    `${bad} was not one of the allowed options: [${allowed.join(', ')}]`,
  );
}

/** Validates one string value against its definition and returns it as HubSpot would store it. */
export function checkPropertyValue(def: PropertyDefinition, raw: string): Checked {
  if (raw === '') return { value: '' };
  switch (def.type) {
    case 'number':
      return /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)
        ? { value: raw }
        : problem(def.name, 'INVALID_DOUBLE', `${raw} was not a valid number.`);
    case 'bool':
      return /^(true|false)$/i.test(raw)
        ? { value: raw.toLowerCase() }
        : problem(def.name, 'INVALID_BOOLEAN', `${raw} was not a valid boolean (true or false).`);
    case 'date':
      return checkDate(def.name, raw);
    case 'datetime':
      return checkDatetime(def.name, raw);
    case 'enumeration':
      return checkEnumeration(def, raw);
    default:
      return raw.length > MAX_STRING_LENGTH
        ? problem(
            def.name,
            'VALUE_TOO_LONG',
            `Value for ${def.name} is longer than ${MAX_STRING_LENGTH} characters`,
          )
        : { value: def.name === 'email' ? raw.trim().toLowerCase() : raw };
  }
}
