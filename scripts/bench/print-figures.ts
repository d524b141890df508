import type { IngressFigures } from './run-ingress';

export interface Figures {
  ingress?: IngressFigures;
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
}
