import type { AssociationType } from './crm-types';

/** Spec `LabelsBetweenObjectPair`. */
export const toLabelsBetween = (
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  types: AssociationType[],
) => ({
  fromObjectTypeId: fromType,
  fromObjectId: fromId,
  toObjectTypeId: toType,
  toObjectId: toId,
  labels: types.flatMap((t) => (t.label ? [t.label] : [])),
});

/** Spec `MultiAssociatedObjectWithLabel`. */
export const toAssociatedObject = (toId: string, types: AssociationType[]) => ({
  toObjectId: toId,
  associationTypes: types.map((t) => ({ category: t.category, typeId: t.typeId, label: t.label })),
});
