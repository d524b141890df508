import { validationError } from '../errors/hubspot-error';
import {
  type AssociationSpec,
  associate,
  findAssociationType,
  requireLiveRecord,
  targetTypeForTypeId,
} from '../store/association-writes';
import type { CrmRecord } from '../store/crm-types';
import type { PortalStore } from '../store/portal-store';
import { createRecord, prepareWrite } from '../store/record-writes';
import { checkArray, checkShape, isJsonObject } from '../validation/body-shape';
import type { ObjectInput } from './check-object-inputs';

interface InlineAssociation {
  toType: string;
  toId: string;
  spec: AssociationSpec;
}

/** Resolves `associations[]` of a create input before the record exists, so a bad one writes nothing. */
function checkInlineAssociations(portal: PortalStore, fromType: string, raw: unknown): InlineAssociation[] {
  if (raw === undefined) return [];
  return checkArray(raw, 'associations').flatMap((entry) => {
    const a = checkShape(entry, {
      className: 'PublicAssociationsForObject',
      required: ['to', 'types'],
      optional: [],
    });
    const to = checkShape(a.to, { className: 'PublicObjectId', required: ['id'], optional: [] });
    return checkArray(a.types, 'types').map((t) => {
      if (
        !isJsonObject(t) ||
        typeof t.associationTypeId !== 'number' ||
        typeof t.associationCategory !== 'string'
      ) {
        throw validationError(
          'Association types need a numeric associationTypeId and an associationCategory',
        );
      }
      const spec = { associationCategory: t.associationCategory, associationTypeId: t.associationTypeId };
      const toType = targetTypeForTypeId(portal, fromType, spec);
      findAssociationType(portal, fromType, toType, spec);
      requireLiveRecord(portal, toType, String(to.id));
      return { toType, toId: String(to.id), spec };
    });
  });
}

export function createWithAssociations(
  portal: PortalStore,
  typeId: string,
  input: ObjectInput,
  now: Date,
): CrmRecord {
  const values = prepareWrite(portal, typeId, input.properties);
  const associations = checkInlineAssociations(portal, typeId, input.raw.associations);
  const record = createRecord(portal, typeId, values, now);
  for (const a of associations) {
    associate(
      portal,
      typeId,
      record.id,
      a.toType,
      a.toId,
      findAssociationType(portal, typeId, a.toType, a.spec),
    );
  }
  return record;
}
