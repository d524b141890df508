/**
 * `pnpm bench`: every performance figure in one run, on loopback only, bounded in time.
 *   pnpm bench                      the full run (under ~5 minutes)
 *   pnpm bench -- --quick           the same sections, shorter (under a minute)
 *   pnpm bench -- --only ingress    some sections (ingress, e2e, growth, hubspot)
 *   pnpm bench -- --profile DIR     also write a CPU profile of the api under ingress load
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './bench-args';
import { createBenchDatabase, dropBenchDatabase } from './bench-database';
import { TEST_REDIS_URL } from './bench-deps';
import { printFigures } from './print-figures';
import { runIngress } from './run-ingress';
import { stopAllChildren } from './start-child';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = parseBenchArgs(process.argv.slice(2));
const DB = 'licensync_bench';
const SECRET = 'whsec_licensync_bench_secret';
// Whatever happens, the run ends: children are stopped and the process exits.
const deadlineMs = (args.quick ? 90 : 420) * 1000;
const deadline = setTimeout(async () => {
  console.error(`bench: over ${deadlineMs / 1000} s, stopping`);
  await stopAllChildren();
  process.exit(2);
}, deadlineMs);
deadline.unref();

const log = (line: string) => console.log(line);
log(
  `licensync bench${args.quick ? ' (quick)' : ''}: ${os.cpus().length} cpus, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const started = Date.now();
let exitCode = 0;
try {
  const databaseUrl = await createBenchDatabase(DB);
  const figures: Parameters<typeof printFigures>[0] = {};
  if (args.sections.includes('ingress')) {
    log('\ningress: licensync vs the yardsticks, side by side');
    figures.ingress = await runIngress({
      root,
      databaseUrl,
      databaseName: DB,
      redisUrl: TEST_REDIS_URL,
      secret: SECRET,
      rounds: args.quick ? 1 : 2,
      durationS: args.quick ? 4 : 10,
      connections: 50,
      fixedRate: 2000,
      fixedRateConnections: 100,
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
}
log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(exitCode);
