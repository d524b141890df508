import { invalidJsonError, validationError } from '../errors/hubspot-error';

/** A request class as HubSpot's Jackson models declare it: which fields it requires and knows. */
export interface BodyShape {
  className: string;
  required: string[];
  optional: string[];
}

export type JsonObject = Record<string, unknown>;

const kindOf = (value: unknown) => (Array.isArray(value) ? 'Array' : value === null ? 'null' : typeof value);

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Missing required fields and unknown fields are refused the way Jackson refuses them, which is how
 * HubSpot answers a body that does not fit its model.
 */
export function checkShape(value: unknown, shape: BodyShape): JsonObject {
  if (!isJsonObject(value)) {
    throw invalidJsonError(
      `Cannot deserialize value of type \`${shape.className}\` from ${kindOf(value)} value`,
    );
  }
  const missing = shape.required.filter((field) => value[field] === undefined || value[field] === null);
  if (missing.length > 0) {
    throw invalidJsonError(
      `Cannot build ${shape.className}, some of required attributes are not set [${missing.join(', ')}]`,
    );
  }
  const known = new Set([...shape.required, ...shape.optional]);
  const unknown = Object.keys(value).find((field) => !known.has(field));
  if (unknown) {
    throw invalidJsonError(
      `Unrecognized field "${unknown}" (class ${shape.className}), not marked as ignorable (${known.size} known properties: ${[...known].map((k) => `"${k}"`).join(', ')})`,
    );
  }
  return value;
}

export function checkArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) {
    throw invalidJsonError(
      `Cannot deserialize value of type \`java.util.ArrayList\` from ${kindOf(value)} value (field "${field}")`,
    );
  }
  return value;
}

export function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw invalidJsonError(
      `Cannot deserialize value of type \`java.lang.String\` from ${kindOf(value)} value (field "${field}")`,
    );
  }
  return value;
}

/** `{inputs: [...]}` with HubSpot's per-request input cap (100 for CRM objects, 1,000 for association reads). */
export function checkBatch(
  body: unknown,
  shape: BodyShape,
  max: number,
): { body: JsonObject; inputs: unknown[] } {
  const checked = checkShape(body, shape);
  const inputs = checkArray(checked.inputs, 'inputs');
  if (inputs.length > max) {
    throw validationError(
      `The maximum number of inputs supported in a batch request is ${max}. Please reduce the number of items and try again`,
      { context: { inputs: [String(inputs.length)] } },
    );
  }
  return { body: checked, inputs };
}
