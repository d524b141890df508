import { CUSTOM_FIELD_PREFIX, LICENSE_METADATA_KEYS } from './license-metadata';

export interface MetadataTypo {
  key: string;
  suggestion: string;
}

const MAX_EDITS = 2;

/**
 * Unknown keys close to a known attribute (`max_activation`, `Short-Code`). Unknown keys are
 * otherwise fine — vendors keep their own metadata on prices — so this only flags near misses.
 */
export function findMetadataTypos(keys: Iterable<string>): MetadataTypo[] {
  const known: readonly string[] = LICENSE_METADATA_KEYS;
  const typos: MetadataTypo[] = [];
  for (const key of keys) {
    if (known.includes(key) || key.startsWith(CUSTOM_FIELD_PREFIX)) continue;
    const normalized = key.toLowerCase().replace(/[-\s]/g, '_');
    const suggestion = known.find((candidate) => editDistance(normalized, candidate) <= MAX_EDITS);
    if (suggestion) typos.push({ key, suggestion });
  }
  return typos;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
