import type { Command } from 'commander';
import type { ApiClient } from '../api-client';
import { type CliContext, clientFor } from '../cli-context';
import { createProgressBar } from '../create-progress-bar';
import { CliError, EXIT } from '../exit-codes';

/** `GET /api/v1/resyncs/{id}`. */
interface ResyncJson {
  id: string;
  kind: string;
  scope: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  done: number;
  total: number | null;
  rate_per_second: number | null;
  eta_seconds: number | null;
  failed_slices: { slice: string; error: string }[];
  report: Record<string, unknown> | null;
}

const FINISHED = new Set(['succeeded', 'failed']);

/**
 * `resync <kind>`: starts a bulk resync; with `--wait`, follows it to the end with a progress bar.
 * Exits 1 when the resync ended failed.
 */
export function registerResync(program: Command, ctx: CliContext): void {
  program
    .command('resync <kind>')
    .description('start a bulk resync (e.g. stripe-reconcile, hubspot-resync)')
    .option(
      '--scope <scope>',
      'workspace, customer:<our id or Stripe cus_… id> or hubspot:<objectType>:<record id>',
      'workspace',
    )
    .option('--wait', 'follow it until it ends')
    .option('--give-up-after <ms>', 'with --wait, give up when no worker is running for this long', '10000')
    .option('--interval <ms>', 'how often to poll with --wait', '1000')
    .option('--json', 'print the resync as JSON')
    .action(async (kind: string, opts, command: Command) => {
      const interval = Number(opts.interval);
      if (!Number.isInteger(interval) || interval < 50)
        throw new CliError('--interval takes ms ≥ 50', EXIT.usage);
      const noWorkerMs = Number(opts.giveUpAfter);
      if (!Number.isInteger(noWorkerMs) || noWorkerMs < 0)
        throw new CliError('--give-up-after takes ms ≥ 0', EXIT.usage);
      const client = clientFor(command, ctx);
      let run = await startResync(client, kind, opts.scope, ctx);
      if (!opts.wait) {
        return ctx.print(opts.json ? JSON.stringify(run, null, 2) : `resync ${run.id} ${run.status}`);
      }
      const bar = createProgressBar({
        visible: ctx.interactive && !opts.json,
        label: `${run.kind} ${run.scope}`,
      });
      const watchdog = noWorkerWatchdog(client, noWorkerMs);
      try {
        while (!FINISHED.has(run.status)) {
          if (run.status === 'queued') await watchdog(run);
          await new Promise((resolve) => setTimeout(resolve, interval));
          run = await client.call<ResyncJson>('GET', `/api/v1/resyncs/${encodeURIComponent(run.id)}`);
          bar.update(run.done, run.total, run.eta_seconds);
        }
      } finally {
        bar.stop();
      }
      if (opts.json) ctx.print(JSON.stringify(run, null, 2));
      else {
        ctx.print(`resync ${run.id} ${run.status}: ${run.done}/${run.total ?? '?'} done`);
        for (const s of run.failed_slices) ctx.print(`  failed slice ${s.slice}: ${s.error}`);
      }
      if (run.status === 'failed') throw new CliError(`resync ${run.id} failed`, EXIT.failed);
    });
}

/**
 * While a run stays queued, asks the api whether any worker consumes the resyncs queue; after
 * `ms` without one, gives up with a message instead of waiting forever. The run stays queued and
 * starts when a worker does.
 */
function noWorkerWatchdog(client: ApiClient, ms: number) {
  let since: number | null = null;
  return async (run: ResyncJson) => {
    const status = await client
      .call<{ workers: Record<string, number> | null }>('GET', '/api/v1/status')
      .catch(() => ({ workers: null }));
    // null: Redis hides its client list (or the status did not answer), so nobody can tell.
    if (status.workers === null || (status.workers.resyncs ?? 0) > 0) {
      since = null;
      return;
    }
    since ??= Date.now();
    if (Date.now() - since >= ms) {
      throw new CliError(
        `no worker is running, so resync ${run.id} stays queued: start the worker (pnpm start, or the worker container), then follow it with licensync resync ${run.kind} --scope ${run.scope} --wait`,
        EXIT.failed,
      );
    }
  };
}

/**
 * Starts a resync. The api answers 409 with the active run's id when the same kind and scope is
 * already running; that run is what the operator wants to follow, so it is returned instead.
 */
async function startResync(
  client: ApiClient,
  kind: string,
  scope: string,
  ctx: CliContext,
): Promise<ResyncJson> {
  const res = await client.send('POST', '/api/v1/resyncs', { body: { kind, scope } });
  if (res.status === 409) {
    const { id } = (await res
      .clone()
      .json()
      .catch(() => ({}))) as { id?: string };
    if (id) {
      ctx.print(`a ${kind} resync of ${scope} is already running: ${id}`);
      return client.call<ResyncJson>('GET', `/api/v1/resyncs/${encodeURIComponent(id)}`);
    }
  }
  return client.readAnswer<ResyncJson>(res);
}
