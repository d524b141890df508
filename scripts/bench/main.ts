/**
 * `pnpm bench`: every performance figure in one run, on loopback only, bounded in time.
 *   pnpm bench                      the full run (under ~5 minutes)
 *   pnpm bench -- --quick           the same sections, shorter (under a minute)
 *   pnpm bench -- --only ingress    some sections (ingress, e2e, growth, hubspot, license)
 *   pnpm bench -- --profile DIR     also write a CPU profile of the api under ingress load
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './bench-args';
import { createBenchDatabase, createCatalogTemplate, dropBenchDatabase } from './bench-database';
import { TEST_REDIS_URL } from './bench-deps';
import { type Figures, printFigures } from './print-figures';
import { runCostGrowth } from './run-cost-growth';
import { runEndToEnd } from './run-end-to-end';
import { runHubspotFigures } from './run-hubspot-figures';
import { runIngress } from './run-ingress';
import { runLicenseCheck } from './run-license-check';
import { stopAllChildren } from './start-child';
import { startFakeStripe } from './start-fake-stripe';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = parseBenchArgs(process.argv.slice(2));
const DB = 'licensync_bench';
const TEMPLATE = 'licensync_bench_tpl';
const SECRET = 'whsec_licensync_bench_secret';
const started = Date.now();
const log = (line: string) => console.log(line);
const figures: Figures = {};
// Whatever happens, the run ends: children are stopped, what was measured is printed, and the
// process exits. The deadline is a safety net, well past the usual length (~5 min, quick < 1 min
// on an idle machine): a machine busy with other work stretches every process start.
const deadlineMs = (args.quick ? 240 : 600) * 1000;
const deadline = setTimeout(async () => {
  console.error(`bench: over ${deadlineMs / 1000} s, stopping; the figures so far:`);
  await stopAllChildren();
  printFigures(figures, log);
  await dropBenchDatabase(DB).catch(() => {});
  process.exit(2);
}, deadlineMs);
deadline.unref();

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
log(
  `licensync bench${args.quick ? ' (quick)' : ''}: ${os.cpus().length} cpus, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
let exitCode = 0;
try {
  const databaseUrl = await createBenchDatabase(DB);
  if (args.sections.includes('ingress')) {
    log(`\n[${elapsed()}] ingress: licensync vs the yardsticks, side by side`);
    figures.ingress = await runIngress({
      root,
      databaseUrl,
      databaseName: DB,
      redisUrl: TEST_REDIS_URL,
      secret: SECRET,
      rounds: args.quick ? 1 : 2,
      durationS: args.quick ? 2 : 8,
      warmUpS: args.quick ? 1 : 2,
      connections: 50,
      fixedRate: 2000,
      fixedRateConnections: 100,
      profileDir: args.profileDir,
      log,
    });
  }
  if (args.sections.includes('e2e') || args.sections.includes('growth')) {
    await createCatalogTemplate(TEMPLATE, root);
    const fakeStripe = await startFakeStripe(root);
    const common = {
      root,
      template: TEMPLATE,
      databaseName: DB,
      redisUrl: TEST_REDIS_URL,
      secret: SECRET,
      fakeStripe,
      log,
    };
    if (args.sections.includes('e2e')) {
      log(
        `\n[${elapsed()}] end to end: checkouts of 3 seats → licenses committed (fake Stripe in its own process)`,
      );
      figures.endToEnd = [];
      await runEndToEnd({
        results: figures.endToEnd,
        ...common,
        // Quick mode keeps the ends of the range: every round starts its worker processes.
        workerCounts: args.quick ? [1, 4] : [1, 2, 4],
        workerConcurrency: 10,
        events: args.quick ? 50 : 800,
        profileDir: args.profileDir,
      });
    }
    if (args.sections.includes('growth')) {
      log(
        `\n[${elapsed()}] cost growth: the same checkouts with a small and a large ledger already in place`,
      );
      figures.growth = [];
      await runCostGrowth({
        points: figures.growth,
        ...common,
        sizes: args.quick ? [1_000, 20_000] : [1_000, 1_000_000],
        events: args.quick ? 50 : 200,
      });
    }
    await fakeStripe.child.stop();
  }
  if (args.sections.includes('hubspot')) {
    const n = args.quick ? 1_000 : 10_000;
    log(`\n[${elapsed()}] hubspot: pnpm bench:hubspot -- --n ${n}`);
    figures.hubspot = await runHubspotFigures(root, n);
  }
  if (args.sections.includes('license')) {
    log(`\n[${elapsed()}] license check: /license/v1/check vs a bare express handler, side by side`);
    figures.license = await runLicenseCheck({
      root,
      databaseUrl,
      redisUrl: TEST_REDIS_URL,
      licenses: args.quick ? 50 : 500,
      rounds: args.quick ? 1 : 2,
      durationS: args.quick ? 3 : 8,
      warmUpS: args.quick ? 1 : 2,
      connections: 20,
      fixedRate: 1000,
      profileDir: args.profileDir,
      log,
    });
  }
  printFigures(figures, log);
} catch (err) {
  exitCode = 1;
  console.error(err);
} finally {
  await stopAllChildren();
  await dropBenchDatabase(DB).catch(() => {});
  await dropBenchDatabase(TEMPLATE).catch(() => {});
}
log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(exitCode);
