import { randomBytes } from 'node:crypto';
import { deleteRedisKeys } from './bench-database';
import { checkoutEventTemplate } from './checkout-event-template';
import { driveSignedLoad, type LoadResult } from './drive-signed-load';
import { backendPids, measureCpu, redisPid } from './process-cpu';
import { type IngressTarget, startIngressTargets } from './start-ingress-targets';

export interface IngressOptions {
  root: string;
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  secret: string;
  /** Rounds of (every target at full speed, then every target at the fixed rate). */
  rounds: number;
  durationS: number;
  /** Each target is driven this long before measuring (JIT, pools, prepared statements). */
  warmUpS: number;
  connections: number;
  fixedRate: number;
  /** Connections of the fixed-rate phase: enough that each one's share leaves room for latency. */
  fixedRateConnections: number;
  profileDir?: string;
  log(line: string): void;
}

export interface IngressFigures {
  /** Per target: the median over rounds. */
  full: Record<IngressTarget['name'], LoadResult>;
  fixed: Record<IngressTarget['name'], LoadResult>;
  /** licensync ÷ plain and ÷ bare throughput, each ratio taken within one round, then the median. */
  ratioToPlain: number;
  ratioToBare: number;
  rounds: number;
  /** CPU µs per answered request at full speed, by process group (median over rounds). */
  cpuUsPerRequest: Record<IngressTarget['name'], Record<string, number>>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * The three receivers run side by side; each round drives them one after the other with the same
 * load, so every ratio compares figures taken seconds apart on the same (shared) machine.
 */
export async function runIngress(opts: IngressOptions): Promise<IngressFigures> {
  const template = await checkoutEventTemplate();
  const tag = randomBytes(3).toString('hex');
  const queuePrefix = `bench${tag}`;
  const targets = await startIngressTargets({ ...opts, queuePrefix });
  try {
    const drive = (t: IngressTarget, label: string, overallRate?: number, durationS = opts.durationS) =>
      driveSignedLoad({
        connections: overallRate ? opts.fixedRateConnections : opts.connections,
        url: t.url,
        secret: opts.secret,
        template,
        idPrefix: `evt_bench_${tag}_${t.name}_${label}`,
        durationS,
        overallRate,
      });
    for (const t of targets) await drive(t, 'warm', undefined, opts.warmUpS);

    const redis = await redisPid();
    const cpu: Record<string, number[]> = {};
    const full: Record<string, LoadResult[]> = {};
    const fixed: Record<string, LoadResult[]> = {};
    const toPlain: number[] = [];
    const toBare: number[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      const got: Record<string, LoadResult> = {};
      for (const t of targets) {
        const { result, cpuMs } = await measureCpu(
          {
            receiver: () => [t.child.process.pid ?? 0],
            postgres: () => backendPids(opts.databaseName),
            redis: () => redis,
            'load generator': () => [process.pid],
          },
          () => drive(t, `full${round}`),
        );
        got[t.name] = result;
        const answered = result.answeredPerSecond * opts.durationS;
        for (const [group, ms] of Object.entries(cpuMs))
          push(cpu, `${t.name}\u0000${group}`, (1000 * ms) / Math.max(1, answered));
        push(full, t.name, got[t.name]!);
        opts.log(`  round ${round} ${t.name.padEnd(9)} full speed: ${describe(got[t.name]!)}`);
      }
      toPlain.push(got.licensync!.okPerSecond / got.plain!.okPerSecond);
      toBare.push(got.licensync!.okPerSecond / got.bare!.okPerSecond);
      for (const t of targets) {
        const r = await drive(t, `rate${round}`, opts.fixedRate);
        push(fixed, t.name, r);
        opts.log(`  round ${round} ${t.name.padEnd(9)} ${opts.fixedRate}/s offered: ${describe(r)}`);
      }
    }
    return {
      full: pickMedian(full),
      fixed: pickMedian(fixed),
      ratioToPlain: median(toPlain),
      ratioToBare: median(toBare),
      rounds: opts.rounds,
      cpuUsPerRequest: byTargetAndGroup(cpu),
    };
  } finally {
    for (const t of targets) await t.child.stop();
    await deleteRedisKeys(queuePrefix);
    await deleteRedisKeys('plain');
  }
}

export function describe(r: LoadResult): string {
  const bad = r.non2xx + r.errors + r.timeouts;
  return `${Math.round(r.okPerSecond)} ok/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${bad ? `, ${bad} not ok` : ''}`;
}

/** Field by field median over the rounds, so one noisy round does not set a figure. */
function pickMedian(byTarget: Record<string, LoadResult[]>): Record<IngressTarget['name'], LoadResult> {
  const out: Record<string, LoadResult> = {};
  for (const [name, runs] of Object.entries(byTarget)) {
    const first = runs[0]!;
    const m = {} as LoadResult;
    for (const key of Object.keys(first) as (keyof LoadResult)[]) m[key] = median(runs.map((r) => r[key]));
    out[name] = m;
  }
  return out as Record<IngressTarget['name'], LoadResult>;
}

function push<T>(into: Record<string, T[]>, key: string, value: T): void {
  const list = into[key] ?? [];
  list.push(value);
  into[key] = list;
}

/** `{ "target\0group": samples }` → `{ target: { group: median } }`. */
function byTargetAndGroup(cpu: Record<string, number[]>): IngressFigures['cpuUsPerRequest'] {
  const out: Record<string, Record<string, number>> = {};
  for (const [key, samples] of Object.entries(cpu)) {
    const [target, group] = key.split('\u0000') as [string, string];
    out[target] = { ...out[target], [group]: median(samples) };
  }
  return out as IngressFigures['cpuUsPerRequest'];
}
