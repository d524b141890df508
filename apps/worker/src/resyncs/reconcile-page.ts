/**
 * One page of a Stripe list as a stripe-reconcile walks it: the items to reconcile (`id`, and the
 * list cursor that resumes after it) and `last`, the cursor past the whole page, which moves on
 * even when every object of the page was filtered out.
 */
export interface ReconcilePage {
  items: { cursor: string; id: string }[];
  hasMore: boolean;
  last: string | null;
}

/** Fetches the page after a cursor (an id of the listed objects, or null for the first). */
export type ReconcilePager = (startingAfter: string | null) => Promise<ReconcilePage>;

export const emptyPager: ReconcilePager = async () => ({ items: [], hasMore: false, last: null });

/**
 * A page of `data` keeping the objects `keep` accepts, each reconciled as `idOf` (default: its own
 * id) once per page (two refunds of one charge are one charge to reconcile).
 */
export function toReconcilePage<T extends { id: string }>(
  list: { data: T[]; has_more: boolean },
  keep: (object: T) => boolean,
  idOf: (object: T) => string = (object) => object.id,
): ReconcilePage {
  const items = new Map<string, { cursor: string; id: string }>();
  for (const object of list.data.filter(keep)) {
    const id = idOf(object);
    if (!items.has(id)) items.set(id, { cursor: object.id, id });
  }
  return {
    items: [...items.values()],
    hasMore: list.has_more,
    last: list.data.at(-1)?.id ?? null,
  };
}
