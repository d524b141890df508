/**
 * Chaos runs against the real api and worker processes, on a throwaway Postgres (port 5440) and
 * Redis (6390) of their own, with the fake Stripe and HubSpot in this process. Each scenario prints
 * the lost and duplicated counts (both must be 0) and the expected against the actual ledger and
 * HubSpot state; the exit code is 1 if any scenario failed.
 *
 *   pnpm chaos [--short] [--only worker-kills] [--events 10000] [--seed 42]
 */
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFakeHubspot } from '@licensync/fakes/hubspot';
import { createFakeStripe } from '@licensync/fakes/stripe';
import { HUBSPOT_FAULT_MS, SCENARIOS } from './chaos-scenarios';
import { formatResult } from './print-result';
import { runScenario, type ScenarioResult } from './run-scenario';
import { seededRandom } from './seeded-random';
import { startThrowawayPostgres } from './throwaway-postgres';
import { startThrowawayRedis } from './throwaway-redis';

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    short: { type: 'boolean', default: false },
    only: { type: 'string' },
    events: { type: 'string' },
    seed: { type: 'string' },
  },
});
const short = values.short ?? false;
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const events = Number(values.events ?? (short ? 800 : 10_000));
const scenarios = SCENARIOS.filter((s) => !values.only || values.only.split(',').includes(s.name));
if (scenarios.length === 0) throw new Error(`no scenario named ${values.only}`);

const logDir = await mkdtemp(path.join(tmpdir(), 'licensync-chaos-'));
console.log(
  `chaos: ${short ? 'short' : 'full'} run, ${events} events per scenario, seed ${seed}, ${cpus().length} cores, logs in ${logDir}`,
);
const started = Date.now();
const pg = await startThrowawayPostgres(5440);
const redis = await startThrowawayRedis(6390).catch(async (err) => {
  await pg.stop();
  throw err;
});
const stripe = await createFakeStripe();
const hubspot = await createFakeHubspot();
const results: ScenarioResult[] = [];
try {
  for (const scenario of scenarios) {
    const result = await runScenario({ pg, redis, stripe, hubspot, apiPort: 3390, logDir }, scenario, {
      events,
      window: short ? 300 : 2000,
      concurrency: short ? 16 : 32,
      // Generous on purpose: the figures are taken on a 2-core machine shared with other work.
      deadlineMs:
        (short ? 90_000 : 360_000) + (scenario.name === 'hubspot-faults' ? HUBSPOT_FAULT_MS(short) : 0),
      short,
      random: seededRandom(seed + results.length),
    });
    results.push(result);
    console.log(formatResult(result));
  }
} finally {
  await Promise.allSettled([hubspot.close(), stripe.close(), redis.stop(), pg.stop()]);
}
const failed = results.filter((r) => !r.converged).length;
console.log(`chaos took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`scenarios: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
