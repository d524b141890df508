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
  const warnings: MetadataProblem[] = [];

  const toProblem = (attribute: string, rule: MetadataRule, text: string, entry?: MetadataEntry) => {
    const origin = entry?.from === 'product' ? ` [set on product ${productId ?? 'unknown'}]` : '';
    return { priceId, attribute, rule, message: `price ${priceId}: ${text}${origin}` };
  };

  /** Records `price {id}: {text}`, pointing at the product when the value was inherited from it. */
  function report(attribute: string, rule: MetadataRule, text: string, entry?: MetadataEntry): void {
    problems.push(toProblem(attribute, rule, text, entry));
  }

  /** Records a value that has a documented meaning but is probably not what the operator meant. */
  function warn(attribute: string, rule: MetadataRule, text: string, entry?: MetadataEntry): void {
    warnings.push({ ...toProblem(attribute, rule, text, entry), severity: 'warning' });
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

  /**
   * The documented rule: only `"true"` enables; any other value is false. A value other than
   * `"true"`/`"false"` (`"yes"`, `"TRUE"`) is read as false and only warned about, so a paid order
   * never goes unlicensed over it. An absent key is `undefined` ("as the policy says").
   */
  function optionalBoolean(key: string): boolean | undefined {
    const entry = metadata.get(key);
    if (!entry) return undefined;
    if (entry.value === 'true') return true;
    if (entry.value !== 'false') {
      warn(
        key,
        'boolean',
        `${key} (${JSON.stringify(entry.value)}) is read as false: only "true" enables it`,
        entry,
      );
    }
    return false;
  }

  return {
    problems,
    warnings,
    report,
    warn,
    refuse,
    entries: () => metadata.entries(),
    entry: (key: string): MetadataEntry | undefined => metadata.get(key),
    string: (key: string): string | undefined => metadata.get(key)?.value,

    boolean: (key: string): boolean => optionalBoolean(key) ?? false,
    optionalBoolean,

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
