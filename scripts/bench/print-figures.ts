import os from 'node:os';
import type { GrowthPoint } from './run-cost-growth';
import type { HubspotFigures } from './run-hubspot-figures';
import type { IngressFigures } from './run-ingress';
import type { LicenseCheckFigures } from './run-license-check';
import type { RoundResult } from './run-processing-round';

export interface Figures {
  ingress?: IngressFigures;
  endToEnd?: RoundResult[];
  growth?: GrowthPoint[];
  hubspot?: HubspotFigures;
  license?: LicenseCheckFigures;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** The summary block `pnpm bench` ends with: every figure, and each goal met or missed. */
export function printFigures(f: Figures, log: (line: string) => void): void {
  if (f.ingress) {
    const { full, fixed } = f.ingress;
    log(
      `\n== ingress (median of ${f.ingress.rounds} round(s); full speed: 50 connections; fixed rate: 2,000/s over 100 connections)`,
    );
    log('  target      full speed ok/s   p99 ms   |  at 2,000/s: ok/s   p50 ms   p99 ms');
    for (const name of ['licensync', 'plain', 'bare'] as const) {
      const a = full[name];
      const b = fixed[name];
      log(
        `  ${name.padEnd(10)}  ${n(a.okPerSecond).padStart(15)}   ${String(a.p99Ms).padStart(6)}   |  ${n(b.okPerSecond).padStart(16)}   ${String(b.p50Ms).padStart(6)}   ${String(b.p99Ms).padStart(6)}`,
      );
    }
    const goal = (ok: boolean) => (ok ? 'met' : 'MISSED');
    log(
      `  licensync ÷ plain throughput  ${f.ingress.ratioToPlain.toFixed(2)}× (goal ≥ 2×: ${goal(f.ingress.ratioToPlain >= 2)})`,
    );
    log(`  licensync ÷ bare throughput   ${f.ingress.ratioToBare.toFixed(2)}×`);
    log('  CPU per request at full speed (µs):');
    for (const [name, groups] of Object.entries(f.ingress.cpuUsPerRequest))
      log(
        `    ${name.padEnd(10)} ${Object.entries(groups)
          .map(([g, us]) => `${g} ${n(us)}`)
          .join(', ')}`,
      );
    log(
      `  licensync p99 at 2,000/s      ${fixed.licensync.p99Ms} ms (goal ≤ 15 ms: ${goal(fixed.licensync.p99Ms <= 15)})`,
    );
  }
  if (f.endToEnd) {
    log('\n== end to end (checkouts of 3 seats → licenses committed; Stripe reads against the fake)');
    log(
      '  workers   events/s   statements/event   transactions/event   CPU ms/event (all processes)   idle-cores bound',
    );
    for (const r of f.endToEnd) {
      const cpu = Object.values(r.cpuMsPerEvent).reduce((a, b) => a + b, 0);
      // What the machine's cores could do if nothing else ran: the flow is CPU-bound.
      const bound = (1000 * os.cpus().length) / cpu;
      log(
        `  ${String(r.workers).padStart(7)}   ${n(r.eventsPerSecond).padStart(8)}   ${r.queriesPerEvent.toFixed(1).padStart(16)}   ${r.transactionsPerEvent.toFixed(1).padStart(18)}   ${cpu.toFixed(1).padStart(28)}   ${n(bound).padStart(16)}${r.failed ? `   ${r.failed} NOT DONE` : ''}`,
      );
    }
    const one = f.endToEnd.find((r) => r.workers === 1);
    if (one) {
      log(
        `  1 worker: ${n(one.eventsPerSecond)} events/s (goal ≥ 1,000: ${one.eventsPerSecond >= 1000 ? 'met' : 'MISSED'})`,
      );
      log('  statements per event with 1 worker, most frequent first:');
      for (const [text, perEvent] of one.statements.slice(0, 25))
        log(`    ${perEvent.toFixed(2).padStart(6)}  ${text.slice(0, 110)}`);
    }
  }
  if (f.growth) {
    log('\n== cost growth (1 worker × 10; per event)');
    log(
      '  licenses in ledger   events/s   ms/event   statements   transactions   worker CPU ms   postgres CPU ms',
    );
    for (const g of f.growth) {
      const r = g.round;
      log(
        `  ${n(g.licenses).padStart(18)}   ${n(r.eventsPerSecond).padStart(8)}   ${(1000 / r.eventsPerSecond).toFixed(2).padStart(8)}   ${r.queriesPerEvent.toFixed(1).padStart(10)}   ${r.transactionsPerEvent.toFixed(1).padStart(12)}   ${(r.cpuMsPerEvent.workers ?? 0).toFixed(2).padStart(13)}   ${(r.cpuMsPerEvent.postgres ?? 0).toFixed(2).padStart(15)}`,
      );
    }
    const largest = f.growth.at(-1);
    if (largest) {
      log(
        `  plans of the hot statements at ${n(largest.licenses)} licenses (reads timed by EXPLAIN ANALYZE):`,
      );
      for (const e of largest.explained)
        log(
          `    ${e.perEvent.toFixed(2).padStart(5)}/event ${e.executionMs === undefined ? '        ' : `${e.executionMs.toFixed(2).padStart(5)} ms`}  ${e.seqScanOnLargeTable ? 'SEQ SCAN  ' : ''}${e.scans.join('; ') || '(no table scan)'} ← ${e.statement.slice(0, 70)}`,
        );
    }
  }
  if (f.hubspot) {
    const h = f.hubspot;
    log(
      `\n== HubSpot sync (pnpm bench:hubspot -- --n ${n(h.licenses)})${h.failed ? ' — FAILED, see its output' : ''}`,
    );
    for (const [label, line] of Object.entries(h.lines)) log(`  ${label.padEnd(17)} ${line}`);
    log(
      `  calls per synced record ${h.callsPerRecord} (goal ≤ 0.03: ${h.callsPerRecord <= 0.03 ? 'met' : 'MISSED'})`,
    );
    log(
      `  wall ÷ rate-limit floor ${h.wallOverFloor} (goal ≤ 1.15: ${h.wallOverFloor <= 1.15 ? 'met' : 'MISSED'})`,
    );
  }
  if (f.license) printLicenseFigures(f.license, log);
}

function printLicenseFigures(l: LicenseCheckFigures, log: (line: string) => void): void {
  log(`\n== license check (median of ${l.rounds} round(s); ${n(l.licenses)} activated licenses in turn)`);
  log(`  target          full speed ok/s   p99 ms   |  at ${n(l.fixedRate)}/s: ok/s   p50 ms   p99 ms`);
  for (const [name, a, b] of [
    ['licensync', l.licensyncFull, l.licensyncFixed],
    ['bare express', l.bareFull, l.bareFixed],
  ] as const) {
    log(
      `  ${name.padEnd(13)}  ${n(a.okPerSecond).padStart(15)}   ${String(a.p99Ms).padStart(6)}   |  ${n(b.okPerSecond).padStart(14)}   ${String(b.p50Ms).padStart(6)}   ${String(b.p99Ms).padStart(6)}`,
    );
  }
  log(`  licensync ÷ bare express throughput  ${l.ratioToBare.toFixed(2)}×`);
  const met = l.licensyncFixed.p99Ms <= 5 && l.licensyncFixed.non2xx + l.licensyncFixed.errors === 0;
  log(
    `  licensync p99 at ${n(l.fixedRate)}/s   ${l.licensyncFixed.p99Ms} ms (goal ≤ 5 ms: ${met ? 'met' : 'MISSED'})`,
  );
}
