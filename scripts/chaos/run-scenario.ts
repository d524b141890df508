import type { DbHandle } from '@licensync/core/db';
import type { Scenario } from './chaos-scenarios';
import { type ChaosInfra, startChaosStack, WEBHOOK_SECRET } from './chaos-stack';
import { compareState, type StateComparison } from './compare-state';
import { type DeliveryReport, deliverShuffled } from './deliver-shuffled';
import { makeStories } from './make-stories';

export interface ScenarioResult {
  name: string;
  deliveries: DeliveryReport;
  disruption: string;
  comparison: StateComparison;
  /** From the first delivery until the state matched (or the deadline). */
  seconds: number;
  converged: boolean;
}

export interface ScenarioOptions {
  events: number;
  /** Positions a copy may move within the delivery order. */
  window: number;
  concurrency: number;
  /** Longest wait for the state to match, from the first delivery. */
  deadlineMs: number;
  short: boolean;
  random: () => number;
}

const settled = (c: StateComparison) =>
  c.lost === 0 &&
  c.duplicated === 0 &&
  c.wrong === 0 &&
  c.pending === 0 &&
  c.failedForGood === 0 &&
  c.openIntents === 0;

/** Plays the purchases, delivers their events under the scenario's disruption, and compares. */
export async function runScenario(
  infra: ChaosInfra,
  scenario: Scenario,
  opts: ScenarioOptions,
): Promise<ScenarioResult> {
  const stack = await startChaosStack(infra, scenario.name, scenario.workers);
  try {
    const plan = makeStories(infra.stripe, opts.events, opts.random);
    const stop = new AbortController();
    let sent = 0;
    let finished = false;
    const total = plan.events.length * 2.5;
    const started = Date.now();
    const disruption = scenario.disrupt
      ? scenario.disrupt({
          infra,
          stack,
          delivered: () => (finished ? 1 : Math.min(0.99, sent / total)),
          signal: stop.signal,
          short: opts.short,
          random: opts.random,
        })
      : Promise.resolve('none');
    const deliveries = await deliverShuffled({
      url: stack.webhookUrl,
      secret: WEBHOOK_SECRET,
      events: plan.events,
      window: opts.window,
      concurrency: opts.concurrency,
      giveUpMs: opts.deadlineMs,
      random: opts.random,
      onDelivered: () => void sent++,
    });
    finished = true;

    let comparison: StateComparison | undefined;
    let converged = false;
    while (Date.now() - started < opts.deadlineMs) {
      // The fakes share this process with the comparison: compare in full only once nothing is open.
      if (await hasOpenWork(stack.harnessDb)) {
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      comparison = await compareState(stack.harnessDb.db, infra.hubspot, plan).catch(() => comparison);
      if (comparison && settled(comparison)) {
        converged = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    const seconds = (Date.now() - started) / 1000;
    stop.abort();
    const did = await disruption;
    // Once more after the disruption stopped and a moment passed: a late duplicate would show here.
    await new Promise((r) => setTimeout(r, 1500));
    comparison = await compareState(stack.harnessDb.db, infra.hubspot, plan);
    return {
      name: scenario.name,
      deliveries,
      disruption: did,
      comparison,
      seconds,
      converged: converged && settled(comparison),
    };
  } finally {
    await stack.close();
  }
}

/** Events still pending or sync intents not yet sent (true, too, while Postgres is unreachable). */
async function hasOpenWork(db: DbHandle): Promise<boolean> {
  try {
    const res = await db.pool.query<{ open: boolean }>(`select
      exists (select 1 from inbox_events where status = 'pending')
      or exists (select 1 from sync_outbox where status in ('pending', 'processing')) as open`);
    return res.rows[0]?.open ?? true;
  } catch {
    return true;
  }
}
