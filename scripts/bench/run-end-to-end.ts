import { cloneDatabase } from './bench-database';
import { type RoundResult, runProcessingRound } from './run-processing-round';
import type { Child } from './start-child';

export interface EndToEndOptions {
  root: string;
  template: string;
  databaseName: string;
  redisUrl: string;
  secret: string;
  fakeStripe: { url: string; child: Child };
  workerCounts: number[];
  workerConcurrency: number;
  events: number;
  profileDir?: string;
  log(line: string): void;
}

/** Checkouts of 3 seats → licenses committed, with 1, 2, 4… worker processes, each on a fresh ledger. */
export async function runEndToEnd(opts: EndToEndOptions): Promise<RoundResult[]> {
  const results: RoundResult[] = [];
  for (const workers of opts.workerCounts) {
    const databaseUrl = await cloneDatabase(opts.template, opts.databaseName);
    const r = await runProcessingRound({ ...opts, databaseUrl, workers, timeoutMs: 120_000 });
    opts.log(
      `  ${workers} worker(s) × ${opts.workerConcurrency}: ${r.events} events in ${r.seconds.toFixed(1)} s = ${Math.round(r.eventsPerSecond)} events/s, ${r.queriesPerEvent.toFixed(1)} statements and ${r.transactionsPerEvent.toFixed(1)} transactions per event${r.failed ? `, ${r.failed} NOT DONE` : ''}; CPU ms/event: ${Object.entries(
        r.cpuMsPerEvent,
      )
        .map(([k, ms]) => `${k} ${ms.toFixed(2)}`)
        .join(', ')}`,
    );
    results.push(r);
  }
  return results;
}
