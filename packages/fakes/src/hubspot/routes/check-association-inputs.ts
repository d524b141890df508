import type { AssociationSpec } from '../store/association-writes';
import { checkArray, checkShape } from '../validation/body-shape';

/** `{id}` of a v4 input (spec `PublicObjectId`); numeric ids are accepted as HubSpot does. */
export function objectId(raw: unknown): string {
  const { id } = checkShape(raw, { className: 'PublicObjectId', required: ['id'], optional: [] });
  return String(id);
}

export function checkSpecs(raw: unknown): AssociationSpec[] {
  return checkArray(raw, 'types').map((t) => {
    const spec = checkShape(t, {
      className: 'AssociationSpec',
      required: ['associationCategory', 'associationTypeId'],
      optional: [],
    });
    return {
      associationCategory: String(spec.associationCategory),
      associationTypeId: Number(spec.associationTypeId),
    };
  });
}
