import { setTimeout as sleep } from 'node:timers/promises';
import type { ChaosInfra, ChaosStack } from './chaos-stack';
import { openHubspotFaultWindow } from './hubspot-fault-window';

export interface DisruptionContext {
  infra: ChaosInfra;
  stack: ChaosStack;
  /** Share of the deliveries made so far, 0 to 1. */
  delivered(): number;
  /** Aborted once the state converged (or the scenario gave up). */
  signal: AbortSignal;
  short: boolean;
  random: () => number;
}

export interface Scenario {
  name: string;
  /** Worker processes to run. */
  workers: number;
  /** Runs beside the deliveries and until `signal` aborts; says what it did. */
  disrupt?(ctx: DisruptionContext): Promise<string>;
}

const aborted = (signal: AbortSignal, ms: number) =>
  sleep(ms, undefined, { signal }).then(
    () => false,
    () => true,
  );

async function whenDelivered(ctx: DisruptionContext, share: number): Promise<boolean> {
  while (ctx.delivered() < share) if (await aborted(ctx.signal, 100)) return false;
  return true;
}

/** How long HubSpot answers 429s and 5xx in the hubspot-faults scenario. */
export const HUBSPOT_FAULT_MS = (short: boolean) => (short ? 15_000 : 60_000);

/** The scenarios of `pnpm chaos`, in the order they run. */
export const SCENARIOS: Scenario[] = [
  { name: 'duplicates', workers: 1 },
  {
    name: 'worker-kills',
    workers: 3,
    async disrupt(ctx) {
      // Every 3–5 s one running worker (never the last one up) is SIGKILLed and started again at
      // once, in the background: its jobs come back after their lock expires. The kills go on
      // until every copy is delivered and at least `minKills` happened, then the state converges.
      const from = Date.now();
      const minKills = ctx.short ? 4 : 30;
      const restarts: Promise<void>[] = [];
      let kills = 0;
      while (!(await aborted(ctx.signal, 3000 + ctx.random() * 2000))) {
        const up = ctx.stack.workers.filter((w) => w.ready);
        if (up.length >= 2) {
          const victim = up[Math.floor(ctx.random() * up.length)]!;
          await victim.kill();
          kills++;
          restarts.push(victim.start().catch(() => undefined));
        }
        if (ctx.delivered() >= 1 && kills >= minKills) break;
      }
      await Promise.all(restarts);
      const seconds = (Date.now() - from) / 1000;
      return `${kills} SIGKILLs in the first ${seconds.toFixed(0)} s, one every 3–5 s, of 3 workers`;
    },
  },
  {
    name: 'redis-restart',
    workers: 1,
    async disrupt(ctx) {
      if (!(await whenDelivered(ctx, 0.4))) return 'not reached';
      await ctx.infra.redis.restart(2000);
      return 'Redis killed at 40 % delivered (all keys lost), back 2 s later';
    },
  },
  {
    name: 'postgres-restart',
    workers: 1,
    async disrupt(ctx) {
      if (!(await whenDelivered(ctx, 0.4))) return 'not reached';
      await ctx.infra.pg.restart(2000);
      return 'Postgres stopped (immediate) at 40 % delivered, back 2 s later';
    },
  },
  {
    name: 'hubspot-faults',
    workers: 1,
    async disrupt(ctx) {
      const ms = HUBSPOT_FAULT_MS(ctx.short);
      const from = Date.now();
      openHubspotFaultWindow(ctx.infra.hubspot, ms, ctx.random);
      await aborted(ctx.signal, ms);
      const during = ctx.infra.hubspot
        .requests()
        .filter((r) => r.at.getTime() >= from && r.at.getTime() < from + ms);
      const count = (test: (s: number) => boolean) => during.filter((r) => test(r.status)).length;
      return `HubSpot faulty for ${ms / 1000} s: ${count((s) => s === 429)} × 429, ${count((s) => s >= 500)} × 5xx, ${count((s) => s < 300)} × 2xx`;
    },
  },
];
