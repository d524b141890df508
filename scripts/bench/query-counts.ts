import type { Child } from './start-child';

export interface QueryCounts {
  total: number;
  /** BEGINs plus statements sent outside a transaction (each commits on its own). */
  transactions: number;
  byStatement: Record<string, number>;
  /** One example of each statement with its parameters, for EXPLAIN. */
  samples: Record<string, { text: string; values?: unknown[] }>;
}

/** The statements counted so far by `count-queries.preload.mjs` in every given child, summed. */
export async function queryCounts(children: Child[]): Promise<QueryCounts> {
  const sum: QueryCounts = { total: 0, transactions: 0, byStatement: {}, samples: {} };
  for (const child of children) {
    const c = await child.ask<QueryCounts>('bench:query-counts', 'bench:query-counts');
    sum.total += c.total;
    sum.transactions += c.transactions;
    for (const [k, v] of Object.entries(c.byStatement)) sum.byStatement[k] = (sum.byStatement[k] ?? 0) + v;
    Object.assign(sum.samples, c.samples);
  }
  return sum;
}

/** after − before, statement by statement. */
export function countsBetween(before: QueryCounts, after: QueryCounts): QueryCounts {
  const byStatement: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.byStatement)) {
    const d = v - (before.byStatement[k] ?? 0);
    if (d > 0) byStatement[k] = d;
  }
  return {
    total: after.total - before.total,
    transactions: after.transactions - before.transactions,
    byStatement,
    samples: after.samples,
  };
}
