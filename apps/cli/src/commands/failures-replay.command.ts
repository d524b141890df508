import type { Command } from 'commander';
import type { ApiClient } from '../api-client';
import { type CliContext, clientFor } from '../cli-context';
import { createProgressBar } from '../create-progress-bar';
import { CliError, EXIT } from '../exit-codes';
import { addSelectionOptions, type FailureJson, toSelection } from '../failure-options';
import { waitForReplays } from '../wait-for-replays';

interface ReplayJson {
  matched: number;
  requeued: number;
  skipped: number;
  would_requeue?: number;
}

/** Ids sent per replay request: each request is one paced chunk on the api's side. */
const CHUNK = 100;

/**
 * `failures replay`: by id in one request; by filter, the matching ids are listed first and
 * replayed a chunk per request, so the progress bar moves and an interrupted run has done whole
 * chunks. Exits 1 when failures matched and none was requeued.
 */
export function registerFailuresReplay(failures: Command, ctx: CliContext): void {
  addSelectionOptions(failures.command('replay'))
    .description('replay final failures once their cause is fixed')
    .option('--dry-run', 'only count what would be replayed')
    .option('--json', 'print the result as JSON')
    .option('--wait', 'follow each replay until the event ran or failed again')
    .option('--timeout <ms>', 'with --wait, stop following after this long', '120000')
    .action(async (opts, command: Command) => {
      const selection = toSelection(opts);
      const client = clientFor(command, ctx);
      const dryRun = Boolean(opts.dryRun);
      const timeoutMs = Number(opts.timeout);
      if (!Number.isInteger(timeoutMs) || timeoutMs < 0)
        throw new CliError('--timeout takes ms ≥ 0', EXIT.usage);
      const { result, ids } =
        'filter' in selection && !dryRun
          ? await replayFiltered(client, selection.filter, ctx, !opts.json)
          : {
              result: await client.call<ReplayJson>('POST', '/api/v1/failures/replay', {
                body: { ...selection, dry_run: dryRun },
                timeoutMs: 10 * 60_000,
              }),
              ids: 'ids' in selection ? selection.ids : [],
            };
      if (opts.json) ctx.print(JSON.stringify(result, null, 2));
      else if (dryRun)
        ctx.print(`dry run: ${result.matched} matched, ${result.would_requeue ?? 0} would be requeued`);
      else ctx.print(`${result.matched} matched, ${result.requeued} requeued, ${result.skipped} skipped`);
      if (!dryRun && result.matched > 0 && result.requeued === 0) {
        throw new CliError('nothing was requeued (already replayed, succeeded or in flight)', EXIT.failed);
      }
      if (!opts.wait || dryRun) return;
      const outcomes = await waitForReplays(client, ids, { intervalMs: 250, timeoutMs });
      for (const o of outcomes) ctx.print(o.line);
      const notResolved = outcomes.filter((o) => o.outcome !== 'succeeded').length;
      if (notResolved > 0)
        throw new CliError(`${notResolved} of ${outcomes.length} did not succeed`, EXIT.failed);
    });
}

async function replayFiltered(
  client: ApiClient,
  filter: Record<string, string>,
  ctx: CliContext,
  showProgress: boolean,
): Promise<{ result: ReplayJson; ids: number[] }> {
  const ids: number[] = [];
  for (let after: number | undefined, more = true; more; ) {
    const page = await client.call<{ data: FailureJson[]; has_more: boolean }>('GET', '/api/v1/failures', {
      query: { ...filter, status: 'failed', limit: 100, starting_after: after },
    });
    ids.push(...page.data.map((f) => f.id));
    more = page.has_more;
    after = page.data.at(-1)?.id;
  }
  const total: ReplayJson = { matched: 0, requeued: 0, skipped: 0 };
  const bar = createProgressBar({
    visible: showProgress && ctx.interactive,
    label: 'replaying',
  });
  try {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const part = await client.call<ReplayJson>('POST', '/api/v1/failures/replay', {
        body: { ids: ids.slice(start, start + CHUNK), dry_run: false },
        timeoutMs: 10 * 60_000,
      });
      total.matched += part.matched;
      total.requeued += part.requeued;
      total.skipped += part.skipped;
      bar.update(total.matched, ids.length, null);
    }
  } finally {
    bar.stop();
  }
  return { result: total, ids };
}
