import { useAssociations, useCrmProperties } from '@hubspot/ui-extensions/crm';
import { associationFor, buildRecord, propertiesFor, similarQuery } from './record';
import type { RecordRef } from './types';

/** The record's own and first associated record's properties, shaped for the backend. */
export function useRecordData(ref: RecordRef) {
  const own = useCrmProperties(propertiesFor(ref.objectType));
  const association = associationFor(ref.objectType);
  const associated = useAssociations({ ...association, pageLength: 1 });
  const first = associated.results[0]?.properties;
  return {
    isLoading: own.isLoading || associated.isLoading,
    error: own.error ?? associated.error,
    record: buildRecord(ref.objectType, own.properties, first),
    similar: similarQuery(ref.objectType, own.properties),
  };
}
