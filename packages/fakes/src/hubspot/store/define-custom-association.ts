import type { AssociationDefinition } from './crm-types';
import type { PortalStore } from './portal-store';

/**
 * Registers a USER_DEFINED type for `from→to` and its inverse, each with its own per-portal typeId,
 * and returns the forward definition.
 */
export function defineCustomAssociation(
  portal: PortalStore,
  fromObjectTypeId: string,
  toObjectTypeId: string,
  name: string | undefined,
  now: string,
): AssociationDefinition {
  const forwardId = portal.ids.next('associationType');
  const inverseId = portal.ids.next('associationType');
  const add = (key: string, typeId: number) => {
    const types = portal.customAssociationTypes.get(key) ?? [];
    types.push({ category: 'USER_DEFINED', typeId, label: null });
    portal.customAssociationTypes.set(key, types);
  };
  add(`${fromObjectTypeId}>${toObjectTypeId}`, forwardId);
  add(`${toObjectTypeId}>${fromObjectTypeId}`, inverseId);
  return {
    id: String(forwardId),
    fromObjectTypeId,
    toObjectTypeId,
    ...(name ? { name } : {}),
    createdAt: now,
    updatedAt: now,
  };
}
