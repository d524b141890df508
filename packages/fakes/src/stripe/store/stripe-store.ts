import { StripeApiError } from '../http/stripe-api-error.js';
import type { StripeRecord } from './stripe-record.js';

interface Entry {
  record: StripeRecord;
  parent: string | undefined;
  seq: number;
}

/**
 * In-memory state of the fake: every object by id, in creation order, with an optional parent
 * (subscription → items, invoice → lines, checkout session → line items) and a clock in unix
 * seconds that only moves forward, so `created` stays monotonic like Stripe's.
 */
export interface StripeStore {
  now(): number;
  /** Moves the clock to `time` (unix seconds) unless it is already later. */
  advanceTo(time: number): void;
  insert<T extends StripeRecord>(record: T, options?: { parent?: string }): T;
  remove(id: string): void;
  find<T extends StripeRecord>(id: string): T | undefined;
  /** The live stored object; throws the API's 404 `resource_missing` when absent or of another type. */
  get<T extends StripeRecord>(type: string, id: string, param?: string): T;
  /** All objects of a type, newest first (Stripe's list order). */
  all<T extends StripeRecord>(type: string): T[];
  /** Children of a parent in creation order (subscription items, invoice lines, checkout line items). */
  children<T extends StripeRecord>(type: string, parent: string): T[];
  reset(): void;
}

export function createStripeStore(options: { startTime?: number } = {}): StripeStore {
  const wallClock = () => Math.floor(Date.now() / 1000);
  // The clock runs with wall time plus an offset, so test stories can jump ahead a billing period.
  const initialOffset = options.startTime === undefined ? 0 : options.startTime - wallClock();
  let offset = initialOffset;
  let seq = 0;
  const entries = new Map<string, Entry>();

  const ofType = (type: string) => [...entries.values()].filter((entry) => entry.record.object === type);

  return {
    now: () => wallClock() + offset,
    advanceTo(time) {
      offset = Math.max(offset, time - wallClock());
    },
    insert(record, insertOptions = {}) {
      entries.set(record.id, { record, parent: insertOptions.parent, seq: seq++ });
      return record;
    },
    remove(id) {
      entries.delete(id);
    },
    find<T extends StripeRecord>(id: string) {
      return entries.get(id)?.record as T | undefined;
    },
    get<T extends StripeRecord>(type: string, id: string, param = 'id') {
      const record = entries.get(id)?.record;
      if (!record || record.object !== type) throw StripeApiError.resourceMissing(type, id, param);
      return record as T;
    },
    all<T extends StripeRecord>(type: string) {
      return ofType(type)
        .sort((a, b) => b.seq - a.seq)
        .map((entry) => entry.record as T);
    },
    children<T extends StripeRecord>(type: string, parent: string) {
      return ofType(type)
        .filter((entry) => entry.parent === parent)
        .sort((a, b) => a.seq - b.seq)
        .map((entry) => entry.record as T);
    },
    reset() {
      entries.clear();
      offset = initialOffset;
      seq = 0;
    },
  };
}
