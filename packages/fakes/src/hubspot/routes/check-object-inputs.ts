import { validationError } from '../errors/hubspot-error';
import { checkPropertiesMap } from '../store/record-writes';
import { type BodyShape, checkShape, checkString } from '../validation/body-shape';

export interface ObjectInput {
  id: string;
  idProperty?: string;
  objectWriteTraceId?: string;
  properties: Record<string, string>;
  raw: Record<string, unknown>;
}

/** Shape-checks every input before anything is written, so a malformed body fails as a whole. */
export function checkObjectInputs(inputs: unknown[], shape: BodyShape): ObjectInput[] {
  return inputs.map((raw) => {
    const input = checkShape(raw, shape);
    return {
      id: input.id === undefined ? '' : checkString(input.id, 'id'),
      ...(input.idProperty !== undefined ? { idProperty: checkString(input.idProperty, 'idProperty') } : {}),
      ...(input.objectWriteTraceId !== undefined
        ? { objectWriteTraceId: checkString(input.objectWriteTraceId, 'objectWriteTraceId') }
        : {}),
      properties: input.properties === undefined ? {} : checkPropertiesMap(input.properties),
      raw: input,
    };
  });
}

/** HubSpot refuses a batch naming one record twice (email compared case-insensitively). */
export function rejectDuplicateIds(inputs: ObjectInput[]) {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const input of inputs) {
    const key = `${input.idProperty ?? ''}:${input.idProperty === 'email' ? input.id.toLowerCase() : input.id}`;
    if (seen.has(key)) duplicates.add(input.id);
    seen.add(key);
  }
  if (duplicates.size > 0) {
    throw validationError(
      `Duplicate IDs found in batch input: [${[...duplicates].join(', ')}]. IDs must be unique`,
      {
        context: { ids: [...duplicates] },
      },
    );
  }
}
