import type { LicenseSource } from './license-request';

/**
 * The natural key a license is stored under (`licenses.source_key`, unique per workspace):
 * `kind:sourceId:lineItemId:unit`. Persisted: changing its shape makes every stored license look
 * new, and a redelivered event would then license a unit twice.
 */
export function toSourceKey(source: LicenseSource, lineItemId: string, unitIndex: number): string {
  return `${source.kind}:${source.id}:${lineItemId}:${unitIndex}`;
}
