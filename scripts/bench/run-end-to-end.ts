import { randomBytes } from 'node:crypto';
import { cloneDatabase, deleteRedisKeys } from './bench-database';
import { type RoundResult, runProcessingRound } from './run-processing-round';
import type { Child } from './start-child';
import { startApiProcess } from './start-processing-stack';

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
  /** Each round is added here as it ends (so a run cut short still shows it). */
  results: RoundResult[];
}

/** Checkouts of 3 seats → licenses committed, with 1, 2, 4… worker processes behind one api. */
export async function runEndToEnd(opts: EndToEndOptions): Promise<RoundResult[]> {
  const databaseUrl = await cloneDatabase(opts.template, opts.databaseName);
  const env = {
    ...opts,
    databaseUrl,
    queuePrefix: `bench${randomBytes(3).toString('hex')}`,
    stripeApiBase: opts.fakeStripe.url,
  };
  const api = await startApiProcess(env);
  const { results } = opts;
  try {
    for (const workers of opts.workerCounts) {
      const r = await runProcessingRound({ ...opts, env, api, workers, timeoutMs: 120_000 });
      opts.log(`  ${workers} worker(s) × ${opts.workerConcurrency}: ${describeRound(r)}`);
      results.push(r);
    }
  } finally {
    await api.child.stop();
    await deleteRedisKeys(env.queuePrefix);
  }
  return results;
}

export function describeRound(r: RoundResult): string {
  const cpu = Object.entries(r.cpuMsPerEvent)
    .map(([k, ms]) => `${k} ${ms.toFixed(2)}`)
    .join(', ');
  return `${r.events} events in ${r.seconds.toFixed(1)} s = ${Math.round(r.eventsPerSecond)} events/s, ${r.queriesPerEvent.toFixed(1)} statements and ${r.transactionsPerEvent.toFixed(1)} transactions per event${r.failed ? `, ${r.failed} NOT DONE` : ''}; CPU ms/event: ${cpu}`;
}
