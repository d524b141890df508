import type { Duration } from './duration';
import type { MetadataProblem, MetadataRule } from './metadata-problem';
import { parseDuration } from './parse-duration';
import type { EffectiveMetadata, MetadataEntry } from './to-effective-metadata';

/** Largest count the ledger can store (a Postgres `integer`). */
const MAX_INTEGER = 2_147_483_647;

const DIGITS = /^\d+$/;

/** Context for the messages: which price is read and which product its fallback values came from. */
export interface MetadataReaderContext {
  priceId: string;
  productId?: string;
  metadata: EffectiveMetadata;
}

export type MetadataReader = ReturnType<typeof createMetadataReader>;

/**
 * Typed readers over effective metadata that record a problem for every bad value and keep going,
 * so one pass reports everything an operator has to fix.
 */
export function createMetadataReader({ priceId, productId, metadata }: MetadataReaderContext) {
  const problems: MetadataProblem[] = [];

  /** Records `price {id}: {text}`, pointing at the product when the value was inherited from it. */
  function report(attribute: string, rule: MetadataRule, text: string, entry?: MetadataEntry): void {
    const origin = entry?.from === 'product' ? ` [set on product ${productId ?? 'unknown'}]` : '';
    problems.push({ priceId, attribute, rule, message: `price ${priceId}: ${text}${origin}` });
  }

  function refuse(key: string, entry: MetadataEntry, rule: MetadataRule, requirement: string): undefined {
    report(key, rule, `${key} (${JSON.stringify(entry.value)}) ${requirement}`, entry);
    return undefined;
  }

  function integer(key: string, min: 0 | 1): number | undefined {
    const entry = metadata.get(key);
    if (!entry) return undefined;
    const value = DIGITS.test(entry.value) ? Number(entry.value) : Number.NaN;
    // The ledger stores these as 32-bit integers; a larger value is a typo, not a license size.
    if (Number.isSafeInteger(value) && value >= min && value <= MAX_INTEGER) return value;
    return min === 1
      ? refuse(key, entry, 'positive-integer', `must be a positive integer up to ${MAX_INTEGER}`)
      : refuse(key, entry, 'non-negative-integer', `must be a non-negative integer up to ${MAX_INTEGER}`);
  }

  return {
    problems,
    report,
    refuse,
    entries: () => metadata.entries(),
    entry: (key: string): MetadataEntry | undefined => metadata.get(key),
    string: (key: string): string | undefined => metadata.get(key)?.value,

    /** Only `"true"` is true; absent or `"false"` is false; anything else (`"yes"`, `"TRUE"`) is refused. */
    boolean(key: string): boolean {
      const entry = metadata.get(key);
      if (!entry || entry.value === 'false') return false;
      if (entry.value === 'true') return true;
      refuse(key, entry, 'boolean', 'must be "true" or "false"');
      return false;
    },

    positiveInteger: (key: string) => integer(key, 1),
    nonNegativeInteger: (key: string) => integer(key, 0),

    duration(key: string): Duration | undefined {
      const entry = metadata.get(key);
      if (!entry) return undefined;
      const duration = parseDuration(entry.value);
      if (duration) return duration;
      return refuse(
        key,
        entry,
        'duration-format',
        'must be a positive whole number followed by d, w, m or y (e.g. 30d, 1y)',
      );
    },
  };
}
