import { readFileSync } from 'node:fs';
import { createRedis, TEST_REDIS_URL, withAdmin } from './bench-deps';

// Linux reports process times in clock ticks; 100 per second on every mainstream kernel build.
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; 0 where /proc is unavailable. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The Postgres backends serving one database right now. */
export async function backendPids(database: string): Promise<number[]> {
  const r = await withAdmin((c) =>
    c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database]),
  );
  return r.rows.map((row) => row.pid);
}

/** Measures the CPU time `pids()` use while `fn` runs (pids are read before and after). */
export async function measureCpu<T>(
  groups: Record<string, () => Promise<number[]> | number[]>,
  fn: () => Promise<T>,
): Promise<{ result: T; cpuMs: Record<string, number> }> {
  const before: Record<string, Map<number, number>> = {};
  for (const [name, pids] of Object.entries(groups))
    before[name] = new Map((await pids()).map((pid) => [pid, processCpuMs(pid)]));
  const result = await fn();
  const cpuMs: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) {
    let total = 0;
    for (const pid of new Set([...(await pids()), ...before[name]!.keys()])) {
      const now = processCpuMs(pid);
      // A process gone by now took its time with it; count nothing rather than a negative.
      if (now > 0) total += now - (before[name]!.get(pid) ?? 0);
    }
    cpuMs[name] = total;
  }
  return { result, cpuMs };
}

/** The local Redis server's pid (shared with whatever else uses it). */
export async function redisPid(): Promise<number[]> {
  const redis = createRedis(TEST_REDIS_URL, 'worker');
  try {
    const info = await redis.info('server');
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    return Number.isFinite(pid) ? [pid] : [];
  } finally {
    redis.disconnect();
  }
}
