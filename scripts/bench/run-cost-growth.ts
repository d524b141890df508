import { randomBytes } from 'node:crypto';
import { cloneDatabase, deleteRedisKeys } from './bench-database';
import { createDb } from './bench-deps';
import { type ExplainedStatement, explainStatements } from './explain-statements';
import { type RoundResult, runProcessingRound } from './run-processing-round';
import { seedLedger } from './seed-ledger';
import type { Child } from './start-child';
import { startApiProcess } from './start-processing-stack';

export interface CostGrowthOptions {
  root: string;
  template: string;
  databaseName: string;
  redisUrl: string;
  secret: string;
  fakeStripe: { url: string; child: Child };
  /** Licenses already in the ledger, one measurement each. */
  sizes: number[];
  events: number;
  log(line: string): void;
  /** Each point is added here as it is measured. */
  points: GrowthPoint[];
}

export interface GrowthPoint {
  licenses: number;
  seedSeconds: number;
  round: RoundResult;
  /** The hot statements' plans on this ledger. */
  explained: ExplainedStatement[];
}

/** Queries and time per event with small and large ledgers, and how the hot statements are planned. */
export async function runCostGrowth(opts: CostGrowthOptions): Promise<GrowthPoint[]> {
  const { points } = opts;
  for (const licenses of opts.sizes) {
    const databaseUrl = await cloneDatabase(opts.template, opts.databaseName);
    const handle = createDb(databaseUrl, { max: 2 });
    try {
      const t = Date.now();
      await seedLedger(handle.pool, licenses);
      const seedSeconds = (Date.now() - t) / 1000;
      const env = {
        ...opts,
        databaseUrl,
        queuePrefix: `bench${randomBytes(3).toString('hex')}`,
        stripeApiBase: opts.fakeStripe.url,
      };
      const api = await startApiProcess(env);
      let round: RoundResult;
      try {
        round = await runProcessingRound({
          ...opts,
          env,
          api,
          workers: 1,
          workerConcurrency: 10,
          timeoutMs: 120_000,
        });
      } finally {
        await api.child.stop();
        await deleteRedisKeys(env.queuePrefix);
      }
      const explained = await explainStatements(handle.pool, round.statements.slice(0, 30), round.samples);
      opts.log(
        `  ${licenses.toLocaleString('en-US')} licenses (seeded in ${seedSeconds.toFixed(0)} s): ${Math.round(round.eventsPerSecond)} events/s, ${(1000 / round.eventsPerSecond).toFixed(1)} ms/event, ${round.queriesPerEvent.toFixed(1)} statements/event; CPU ms/event: workers ${round.cpuMsPerEvent.workers?.toFixed(2)}, postgres ${round.cpuMsPerEvent.postgres?.toFixed(2)}`,
      );
      for (const e of explained.filter((x) => x.seqScanOnLargeTable))
        opts.log(`    SEQ SCAN on a large table: ${e.seqScanOnLargeTable} in ${e.statement.slice(0, 90)}`);
      points.push({ licenses, seedSeconds, round, explained });
    } finally {
      await handle.close();
    }
  }
  return points;
}
