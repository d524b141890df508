import type { DbHandle } from './bench-deps';
import type { QueryCounts } from './query-counts';

export interface ExplainedStatement {
  statement: string;
  perEvent: number;
  /** `Index Scan using licenses_workspace_source_key on licenses`, … outermost first. */
  scans: string[];
  /** Measured for reads (EXPLAIN ANALYZE); writes are planned only. */
  executionMs?: number;
  /** A sequential scan over a table holding more than 10,000 rows: a missing index. */
  seqScanOnLargeTable?: string;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const SKIP = /^(begin|commit|rollback|set |select pg_advisory)/i;

/**
 * EXPLAIN of the statements a run sent, with the parameters they were first sent with, each in a
 * transaction rolled back. Reads run for real (ANALYZE) and report their time; writes are only
 * planned, so nothing changes.
 */
export async function explainStatements(
  pool: DbHandle['pool'],
  statements: [string, number][],
  samples: QueryCounts['samples'],
): Promise<ExplainedStatement[]> {
  const sizes = await pool.query<{ relname: string; n: number }>(
    "select relname, reltuples::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace",
  );
  const rows = new Map(sizes.rows.map((r) => [r.relname, Number(r.n)]));
  const out: ExplainedStatement[] = [];
  for (const [statement, perEvent] of statements) {
    const sample = samples[statement];
    if (!sample || SKIP.test(statement)) continue;
    const read = /^\s*select/i.test(sample.text);
    const client = await pool.connect();
    try {
      await client.query('begin');
      const options = read ? '(analyze, buffers, format json)' : '(format json)';
      const result = await client.query(`explain ${options} ${sample.text}`, sample.values ?? []);
      const plan = (result.rows[0] as { 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time'?: number }] })[
        'QUERY PLAN'
      ][0];
      const scans = scansOf(plan.Plan);
      const seq = scans.find((s) => {
        const table = /^Seq Scan on (\S+)/.exec(s)?.[1];
        return table !== undefined && (rows.get(table) ?? 0) > 10_000;
      });
      out.push({ statement, perEvent, scans, executionMs: plan['Execution Time'], seqScanOnLargeTable: seq });
    } catch (err) {
      out.push({ statement, perEvent, scans: [`(not explained: ${(err as Error).message})`] });
    } finally {
      await client.query('rollback').catch(() => {});
      client.release();
    }
  }
  return out;
}

function scansOf(node: PlanNode): string[] {
  const here =
    node['Relation Name'] !== undefined
      ? [
          `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} on ${node['Relation Name']}`,
        ]
      : [];
  return [...here, ...(node.Plans ?? []).flatMap(scansOf)];
}
