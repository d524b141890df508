import { notFoundError, validationError } from '../errors/hubspot-error';
import type { AssociationType } from './crm-types';
import type { PortalStore } from './portal-store';

export interface AssociationSpec {
  associationCategory: string;
  associationTypeId: number;
}

/** The pair's type named by a spec; HubSpot refuses a typeId/category that does not belong to the pair. */
export function findAssociationType(
  portal: PortalStore,
  fromType: string,
  toType: string,
  spec: AssociationSpec,
) {
  const type = portal
    .associationTypesBetween(fromType, toType)
    .find((t) => t.typeId === spec.associationTypeId && t.category === spec.associationCategory);
  if (!type) {
    throw validationError(
      `${spec.associationCategory} association type ${spec.associationTypeId} is not valid between ${fromType} and ${toType}`,
    );
  }
  return type;
}

export function defaultAssociationType(portal: PortalStore, fromType: string, toType: string) {
  const type = portal.associationTypesBetween(fromType, toType)[0];
  if (!type) throw validationError(`No association definition exists between ${fromType} and ${toType}`);
  return type;
}

export function requireLiveRecord(portal: PortalStore, typeId: string, id: string) {
  const record = portal.liveRecord(typeId, id);
  if (!record) {
    throw notFoundError(`No ${typeId} object with id ${id} exists`, {
      context: { id: [id], objectTypeId: [typeId] },
    });
  }
  return record;
}

function addEdge(
  portal: PortalStore,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  type: AssociationType,
) {
  const targets = portal.edgesFrom(fromType, fromId, toType);
  const types = targets.get(toId) ?? [];
  if (!types.some((t) => t.typeId === type.typeId && t.category === type.category)) types.push(type);
  targets.set(toId, types);
}

/**
 * Associates two live records with `type` and the matching inverse type, as HubSpot does: every
 * association is visible from both ends.
 */
export function associate(
  portal: PortalStore,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  type: AssociationType,
) {
  requireLiveRecord(portal, fromType, fromId);
  requireLiveRecord(portal, toType, toId);
  const forward = portal.associationTypesBetween(fromType, toType);
  const index = forward.findIndex((t) => t.typeId === type.typeId && t.category === type.category);
  const inverse = portal.associationTypesBetween(toType, fromType)[index];
  addEdge(portal, fromType, fromId, toType, toId, type);
  if (inverse) addEdge(portal, toType, toId, fromType, fromId, inverse);
}

export function unassociate(
  portal: PortalStore,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
) {
  portal.edgesFrom(fromType, fromId, toType).delete(toId);
  portal.edgesFrom(toType, toId, fromType).delete(fromId);
}

/** Archiving a record drops its associations. */
export function unassociateAll(portal: PortalStore, typeId: string, id: string) {
  for (const edge of portal.allEdges()) {
    if (edge.fromObjectTypeId === typeId && edge.fromId === id) {
      unassociate(portal, typeId, id, edge.toObjectTypeId, edge.toId);
    }
  }
}

/** Batch create's inline associations name only a typeId; HubSpot infers the target object from it. */
export function targetTypeForTypeId(portal: PortalStore, fromType: string, spec: AssociationSpec): string {
  const candidates = ['0-1', '0-2', '0-3', ...portal.schemas.keys()];
  const toType = candidates.find((to) =>
    portal
      .associationTypesBetween(fromType, to)
      .some((t) => t.typeId === spec.associationTypeId && t.category === spec.associationCategory),
  );
  if (!toType) {
    throw validationError(
      `${spec.associationCategory} association type ${spec.associationTypeId} is not valid from ${fromType}`,
    );
  }
  return toType;
}
